/**
 * SQL-shape variants of the Q1 funnel (custom 4-step, category filter, 30 days) on DuckDB over one
 * layout written by `bench:funnel -- --suite questions`, interleaved, to find what costs time:
 *   node --conditions=react-server --import tsx scripts/bench/funnel-shapes.ts <layout root> [runs] [variants] [explain variant]
 * Variants: funnel (as runFunnel builds it), prefilter (only step rows and rows with a price),
 * argminTs (first-seen by time only), noValue (no first-seen aggregate for an absent breakdown),
 * argminTsNoValue, argminHuge (first-seen keyed by a HUGEINT of time and id), bare, bareNoId.
 * Each prints its per-level counts once (they must agree) and the times of every run.
 */
import { eventLakeAt, openLocalLakeQuery } from "@/lib/adapters/compose/lake-engines";
import { queryColumnarFunnel } from "@/lib/clickstream/columnar-funnel";
import { FunnelQuery } from "@/lib/schemas/funnel";
import { CUSTOM_FUNNEL_STEPS } from "./funnel-questions";

/**
 * The first shape timed for 8-week retention by
 * client: cohort = the week of the client's first event in the range, then distinct clients
 * active in each later week. `src` an events source, `$1` the range start, `$2` its end.
 */
export const retentionSql = (src: string, epoch: (e: string) => string) => `
  WITH a AS (SELECT client_id, CAST(floor((${epoch("event_timestamp")} - ${epoch("$1")}) / 604800) AS INT) AS wk
             FROM ${src} WHERE event_timestamp >= $1 AND event_timestamp < $2 GROUP BY 1, 2),
       f AS (SELECT client_id, min(wk) AS cw FROM a GROUP BY 1)
  SELECT f.cw, a.wk - f.cw AS w, count(*) AS n FROM a JOIN f ON f.client_id = a.client_id
  GROUP BY 1, 2 ORDER BY 1, 2`;

/**
 * The first shape timed for paths from product_view: per
 * session, the first product_view and the 3 events after it; the 20 most common paths.
 */
export const pathsSql = (src: string) => `
  SELECT n1, n2, n3, count(*) AS n FROM (
    SELECT event_name, n1, n2, n3, row_number() OVER (PARTITION BY session_id ORDER BY event_timestamp, event_id) AS rn
    FROM (SELECT session_id, event_timestamp, event_id, event_name,
            lead(event_name, 1) OVER w AS n1, lead(event_name, 2) OVER w AS n2, lead(event_name, 3) OVER w AS n3
          FROM ${src} WHERE event_timestamp >= $1 AND event_timestamp < $2
          WINDOW w AS (PARTITION BY session_id ORDER BY event_timestamp, event_id)) e
    WHERE event_name = 'product_view') p
  WHERE rn = 1 GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3 LIMIT 20`;

const root = process.argv[2] as string;
const runs = Number(process.argv[3] ?? 3);
const engine = await openLocalLakeQuery(root, { connections: 1, threads: 2 });
const lake = eventLakeAt(engine, root);
const q1 = FunnelQuery.parse({
  steps: CUSTOM_FUNNEL_STEPS,
  windowMinutes: 60,
  from: "2026-10-31T00:00:00.000Z",
  to: "2026-11-30T00:00:00.000Z",
});
const { sql, params } = await queryColumnarFunnel(lake, q1);
const src = lake.eventsSource({ from: "2026-10-30", to: "2026-11-30" });
const variants: Record<string, string> = {
  funnel: sql,
  prefilter: sql.replace(
    "e.session_id IS NOT NULL",
    "e.session_id IS NOT NULL AND (e.event_name IN ('page_view','product_view','add_to_cart','purchase') OR e.product_price IS NOT NULL)",
  ),
  argminTs: sql.replaceAll(/struct_pack\(ts, eid\)/g, "ts"),
  noValue: sql.replace("arg_min(attr, struct_pack(ts, eid)) FILTER (WHERE attr IS NOT NULL)::text", "NULL::text"),
  argminTsNoValue: sql
    .replace("arg_min(attr, struct_pack(ts, eid)) FILTER (WHERE attr IS NOT NULL)::text", "NULL::text")
    .replaceAll(/struct_pack\(ts, eid\)/g, "ts"),
  argminHuge: sql.replaceAll(
    /struct_pack\(ts, eid\)/g,
    "((epoch_us(ts)::HUGEINT << 64) + ('0x' || substr(replace(eid, '-', ''), 1, 15))::UBIGINT::HUGEINT)",
  ),
  bare: `SELECT count(*) FROM (SELECT session_id, count(*), min(event_timestamp), max(event_id), max(event_name), max(product_category), max(coalesce(product_discount_price, product_price)) FROM ${src} WHERE event_timestamp >= CAST(? AS TIMESTAMPTZ) AND event_timestamp < CAST(? AS TIMESTAMPTZ) GROUP BY session_id)`,
  bareNoId: `SELECT count(*) FROM (SELECT session_id, count(*), min(event_timestamp), max(event_name), max(product_category) FROM ${src} WHERE event_timestamp >= CAST(? AS TIMESTAMPTZ) AND event_timestamp < CAST(? AS TIMESTAMPTZ) GROUP BY session_id)`,
};
// Q3 and Q4 shapes: the harness's stand-ins against one-aggregate forms (no window sort, no join).
const ts = "CAST(? AS TIMESTAMPTZ)";
const weeks = lake.eventsSource({ from: "2026-10-04", to: "2026-11-30" });
Object.assign(variants, {
  q4Window: pathsSql(src).replaceAll(/\$\d/g, ts),
  q4List: `SELECT n1, n2, n3, count(*) AS n FROM (
      SELECT l[i + 1] AS n1, l[i + 2] AS n2, l[i + 3] AS n3 FROM (
        SELECT l, list_position(l, 'product_view') AS i FROM (
          SELECT list(event_name ORDER BY event_timestamp, event_id) AS l FROM ${src}
          WHERE event_timestamp >= ${ts} AND event_timestamp < ${ts} GROUP BY session_id)) WHERE i > 0)
    GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3 LIMIT 20`,
  q4Next: `WITH f AS (SELECT session_id, min(struct_pack(event_timestamp, event_id)) AS k FROM ${src}
        WHERE event_timestamp >= ${ts} AND event_timestamp < ${ts} AND event_name = 'product_view' GROUP BY session_id),
      nx AS (SELECT e.session_id, arg_min(e.event_name, struct_pack(e.event_timestamp, e.event_id), 3) AS l
        FROM ${src} e JOIN f ON f.session_id = e.session_id
        WHERE e.event_timestamp >= ${ts} AND e.event_timestamp < ${ts} AND struct_pack(e.event_timestamp, e.event_id) > f.k
        GROUP BY e.session_id)
    SELECT l[1] AS n1, l[2] AS n2, l[3] AS n3, count(*) AS n FROM f LEFT JOIN nx ON nx.session_id = f.session_id
    GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3 LIMIT 20`,
  q3Join: retentionSql(weeks, (e) => `epoch(${e})`).replaceAll(/\$\d/g, ts),
  q3Bits: `SELECT cw, w, count(*) AS n FROM (
      SELECT bit_or(CAST(1 AS BIGINT) << wk) AS b, min(wk) AS cw FROM (
        SELECT client_id, CAST(floor((epoch(event_timestamp) - epoch(${ts})) / 604800) AS INT) AS wk FROM ${weeks}
        WHERE event_timestamp >= ${ts} AND event_timestamp < ${ts}) a GROUP BY client_id) c, range(0, 8) r(w)
    WHERE cw + w < 8 AND (b >> (cw + w)) & 1 = 1 GROUP BY 1, 2 ORDER BY 1, 2`,
});
const PARAMS: Record<string, string[]> = {
  q4Window: ["2026-10-31T00:00:00Z", "2026-11-30T00:00:00Z"],
  q4List: ["2026-10-31T00:00:00Z", "2026-11-30T00:00:00Z"],
  q4Next: ["2026-10-31T00:00:00Z", "2026-11-30T00:00:00Z", "2026-10-31T00:00:00Z", "2026-11-30T00:00:00Z"],
  q3Join: ["2026-10-05T00:00:00Z", "2026-10-05T00:00:00Z", "2026-11-30T00:00:00Z"],
  q3Bits: ["2026-10-05T00:00:00Z", "2026-10-05T00:00:00Z", "2026-11-30T00:00:00Z"],
};
const only = (process.argv[4] ?? Object.keys(variants).join(",")).split(",");
const res: Record<string, number[]> = {};
for (let i = 0; i < runs; i++)
  for (const [k, s] of Object.entries(variants)) {
    if (!only.includes(k)) continue;
    const p = PARAMS[k] ?? (k.startsWith("bare") ? ["2026-10-30T00:00:00Z", "2026-12-01T00:00:00Z"] : params);
    const t = performance.now();
    const r = await engine.query(s, p);
    res[k] = [...(res[k] ?? []), Math.round(performance.now() - t)];
    if (i === 0 && k.startsWith("q")) console.log(k, JSON.stringify(r.rows.slice(0, 4)));
    else if (i === 0 && !k.startsWith("bare"))
      console.log(
        k,
        JSON.stringify(
          r.rows
            .filter((x) => x.g === 0 && x.k === 1)
            .reduce((a: Record<string, number>, x) => {
              a[String(x.lvl)] = (a[String(x.lvl)] ?? 0) + Number(x.n);
              return a;
            }, {}),
        ),
      );
  }
console.log(JSON.stringify(res));
if (process.argv[5]) {
  const r = await engine.query(`EXPLAIN ANALYZE ${variants[process.argv[5]]}`, params);
  console.log(String(Object.values(r.rows[0] ?? {})[1]).slice(0, 6000));
}
await engine.close();
