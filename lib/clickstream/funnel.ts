import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import { type FunnelQuery, type FunnelResult, type FunnelStep, MAX_RAW_RANGE_DAYS } from "@/lib/schemas/funnel";
import { cubePresetOf, readFunnelCube } from "./funnel-cube";
import { ATTRIBUTES, elapsedSql, keptByRollup, levelSql } from "./session-rollup";

/**
 * Funnels, one definition for both paths (see ARCHITECTURE.md, "Funnels"):
 * - a unit (session / client / user) enters when its step 1 first occurs inside [from, to);
 * - each step counts at its first occurrence in the unit (the n-th, when the same step definition
 *   repeats n times), within the window from step 1;
 * - sequential: every step at or after the previous one (equal timestamps count as in order);
 *   strict: each step the very next event of the unit; any: all steps within one window, any order;
 * - same product: evaluated per product of the unit (events without a product count for every
 *   product), the unit keeps its best product;
 * - breakdown values and the product value are the unit's first seen (earliest event carrying one).
 * The session rollup answers standard steps without filters for sessions (sequential / any); every
 * other funnel reads raw events over the range plus the window, with a statement timeout.
 */

const DAY = 86_400_000;
const SESSION_SPAN_MS = DAY; // the tracker rotates sessions after 24 h
const TIMEOUT_MS = 20_000;
const BUCKETS: [string, number][] = [
  ["< 1 min", 60],
  ["1–5 min", 300],
  ["5–15 min", 900],
  ["15–60 min", 3600],
  ["1–6 h", 6 * 3600],
  ["6–24 h", 86400],
  ["≥ 1 day", Number.POSITIVE_INFINITY],
];

const BREAKDOWN_ROLLUP: Record<string, string> = {
  category: "category",
  brand: "brand",
  login_state: "login_state",
  identity_source: "identity_source",
  first_visit: "first_visit",
};

/**
 * Why the session rollup cannot answer this funnel, or null when it can — alone, or joined with the
 * first occurrence of each step it does not keep (a filtered or non-standard step), read from the
 * events of those steps only.
 */
export function rollupIneligibility(q: FunnelQuery): string | null {
  if (q.path === "raw") return "raw path requested";
  if (q.unit !== "session") return "the rollup is per session; this funnel counts by " + q.unit;
  if (q.order === "strict") return "strict order needs the events in between";
  if (q.sameProduct) return "same-product funnels need each product's events";
  const keys = q.steps.map(stepKey);
  if (new Set(keys).size !== keys.length) return "a repeated step needs its second occurrence";
  return null;
}

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function stepPredicate(s: FunnelStep, p: Params, e = "e"): string {
  const parts = [`${e}.event_name = ${p.add(s.event)}`];
  if (s.productId) parts.push(`${e}.product_id = ${p.add(s.productId)}`);
  if (s.category) parts.push(`${e}.product_category = ${p.add(s.category)}`);
  if (s.brand) parts.push(`${e}.product_brand = ${p.add(s.brand)}`);
  if (s.loginState) parts.push(`${e}.user_login_state = ${p.add(s.loginState)}`);
  if (s.firstVisit !== undefined) parts.push(`${e}.is_first_visit = ${p.add(s.firstVisit)}`);
  return parts.join(" AND ");
}

const stepKey = (s: FunnelStep) =>
  JSON.stringify([s.event, s.productId, s.category, s.brand, s.loginState, s.firstVisit]);

function unitsFromRollup(
  q: FunnelQuery,
  p: Params,
  from: string,
  to: string,
  scanParams: () => { lo: string; hi: string },
): string {
  // Steps the rollup does not keep: first occurrence per session from the events of those steps
  // alone, over the same range the raw path scans (sessions span at most a day).
  const fromEvents = q.steps.map((s, i) => (keptByRollup(s) ? null : { i, pred: stepPredicate(s, p) }));
  const wanted = fromEvents.filter((x) => x !== null);
  const col = (i: number) => (fromEvents[i] ? `ev.t${i + 1}` : `f.${q.steps[i]?.event}`);
  const cols = q.steps.map((_, i) => `${col(i)} AS t${i + 1}`).join(", ");
  const value = q.breakdown ? `f.${BREAKDOWN_ROLLUP[q.breakdown]}::text` : "NULL::text";
  const scan = wanted.length ? scanParams() : null;
  const join = scan
    ? `LEFT JOIN (SELECT e.session_id, ${wanted.map((x) => `min(e.event_timestamp) FILTER (WHERE ${x.pred}) AS t${x.i + 1}`).join(", ")}
        FROM clickstream_events e
        WHERE e.event_timestamp >= ${scan.lo} AND e.event_timestamp < ${scan.hi} AND (${wanted.map((x) => `(${x.pred})`).join(" OR ")})
        GROUP BY e.session_id) ev ON ev.session_id = f.session_id`
    : "";
  return `SELECT f.session_id AS unit, ${cols}, ${value} AS value, f.product_value AS pv
    FROM clickstream_session_funnel f ${join}
    WHERE f.started_at >= ${from}::timestamptz - interval '${SESSION_SPAN_MS / 1000} seconds' AND f.started_at < ${to}
      AND ${col(0)} >= ${from} AND ${col(0)} < ${to}`;
}

function unitsFromRaw(q: FunnelQuery, p: Params, from: string, to: string, scan: { lo: string; hi: string }): string {
  const unitExpr = { session: "e.session_id", client: "e.client_id", user: "e.user_id" }[q.unit];
  const preds = q.steps.map((s) => stepPredicate(s, p));
  // The n-th occurrence of a step definition used n times.
  const seen = new Map<string, number>();
  const nth = q.steps.map((s) => {
    const k = stepKey(s);
    seen.set(k, (seen.get(k) ?? 0) + 1);
    return seen.get(k) as number;
  });
  const repeated = new Set(q.steps.map(stepKey).filter((k) => (seen.get(k) ?? 0) > 1));
  const group = q.sameProduct ? "unit, prod" : "unit";
  const attr = q.breakdown ? ATTRIBUTES[q.breakdown]("e") : "NULL";
  // Events are ordered by (time, event id): the order the rollup's text keys (`orderKey`) encode,
  // compared directly (timestamps and uuids order the same as their key text) instead of formatting
  // a key per event.
  const base = `SELECT ${unitExpr} AS unit, e.event_timestamp AS ts, e.product_id, e.event_id AS eid,
      ${attr} AS attr, ${ATTRIBUTES.product_value("e")} AS pv,
      ${preds.map((pr, i) => `(${pr}) AS s${i + 1}`).join(", ")}
      ${q.order === "strict" ? `, row_number() OVER (PARTITION BY ${unitExpr} ORDER BY e.event_timestamp, e.event_id) AS rn` : ""}
    FROM clickstream_events e
    WHERE e.event_timestamp >= ${scan.lo} AND e.event_timestamp < ${scan.hi} AND ${unitExpr} IS NOT NULL`;
  const withProduct = q.sameProduct
    ? `SELECT b.*, p.product_id AS prod FROM base b
       LEFT JOIN (SELECT DISTINCT unit, product_id FROM base WHERE product_id IS NOT NULL) p
         ON p.unit = b.unit AND (b.product_id IS NULL OR b.product_id = p.product_id)
       WHERE b.product_id IS NULL OR p.product_id IS NOT NULL`
    : "SELECT b.*, NULL::text AS prod FROM base b";
  const occurrences = q.steps
    .map((s, i) =>
      repeated.has(stepKey(s))
        ? `, count(*) FILTER (WHERE s${i + 1}) OVER (PARTITION BY ${group} ORDER BY ts, eid ROWS UNBOUNDED PRECEDING) AS o${i + 1}`
        : "",
    )
    .join("");
  const hit = (i: number) =>
    repeated.has(stepKey(q.steps[i] as FunnelStep)) ? `s${i + 1} AND o${i + 1} = ${nth[i]}` : `s${i + 1}`;
  const perGroup = `SELECT ${group},
      ${q.steps.map((_, i) => `min(ts) FILTER (WHERE ${hit(i)}) AS t${i + 1}`).join(", ")}
      ${q.order === "strict" ? `, ${q.steps.map((_, i) => `min(rn) FILTER (WHERE ${hit(i)}) AS r${i + 1}`).join(", ")}` : ""},
      (array_agg(attr ORDER BY ts, eid) FILTER (WHERE attr IS NOT NULL))[1]::text AS value,
      (array_agg(pv ORDER BY ts, eid) FILTER (WHERE pv IS NOT NULL))[1] AS pv
    FROM (SELECT *${occurrences} FROM (${withProduct}) x) y
    GROUP BY ${group}`;
  const stepCols = q.steps.map((_, i) => `t${i + 1}`).join(", ");
  const rankCols = q.order === "strict" ? `, ${q.steps.map((_, i) => `r${i + 1}`).join(", ")}` : "";
  const entered = `SELECT * FROM (${perGroup}) g WHERE t1 >= ${from} AND t1 < ${to}`;
  if (!q.sameProduct)
    return `WITH base AS (${base}) SELECT unit, ${stepCols}${rankCols}, value, pv FROM (${entered}) z`;
  // Same product: the unit's best product (furthest step, then earliest finish).
  return `WITH base AS (${base})
    SELECT DISTINCT ON (unit) unit, ${stepCols}${rankCols}, value, pv
    FROM (SELECT *, ${levelSql(q.order, q.steps.length, `(${p.add(q.windowMinutes)} * interval '1 minute')`)} AS lvl FROM (${entered}) z) w
    ORDER BY unit, lvl DESC, t1, prod`;
}

export async function runFunnel(db: Database, q: FunnelQuery): Promise<FunnelResult> {
  const started = Date.now();
  const fromMs = Date.parse(q.from);
  const toMs = Date.parse(q.to);
  const windowMs = q.windowMinutes * 60_000;
  const ineligible = rollupIneligibility(q);
  const n = q.steps.length;
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const preset = cubePresetOf(q);
  const cube = preset ? await readFunnelCube(db, preset, q) : null;
  const path = cube ? "cube" : ineligible ? "raw" : "rollup";
  const eventSteps = q.steps.flatMap((s, i) => (keptByRollup(s) ? [] : [i + 1]));
  const readsEvents = path === "raw" || (path === "rollup" && eventSteps.length > 0);
  const p = new Params();
  let levels: { lvl: number; value: string | null; day: string; n: number; pv: number }[];
  let times: { k: number; sec: number; n: number }[];
  let sql: string;
  let scan = { from: q.from, to: q.to };
  if (cube) {
    ({ levels, times, sql } = cube);
    for (const v of [preset?.id, q.breakdown ?? "none", q.from.slice(0, 10), q.to.slice(0, 10)]) p.add(v);
  } else {
    if (readsEvents && toMs - fromMs > MAX_RAW_RANGE_DAYS * DAY)
      throw new AppError(
        "invalid_input",
        `This funnel reads raw events (${ineligible ?? `for step ${eventSteps.join(", ")}`}); its range can be at most ${MAX_RAW_RANGE_DAYS} days. Narrow the dates.`,
      );
    const from = `${p.add(q.from)}::timestamptz`;
    const to = `${p.add(q.to)}::timestamptz`;
    const window = `(${p.add(q.windowMinutes)} * interval '1 minute')`;
    const before =
      q.unit === "session"
        ? Math.max(SESSION_SPAN_MS, q.order === "any" ? windowMs : 0)
        : q.order === "any"
          ? windowMs
          : 0;
    const after = q.unit === "session" ? Math.max(SESSION_SPAN_MS, windowMs) : windowMs;
    if (readsEvents) scan = { from: new Date(fromMs - before).toISOString(), to: new Date(toMs + after).toISOString() };
    const scanParams = () => ({ lo: `${p.add(scan.from)}::timestamptz`, hi: `${p.add(scan.to)}::timestamptz` });
    const units =
      path === "rollup" ? unitsFromRollup(q, p, from, to, scanParams) : unitsFromRaw(q, p, from, to, scanParams());
    const levelled = `SELECT unit, ${ks.map((k) => `t${k}`).join(", ")}, value, pv, ${levelSql(q.order, n, window)} AS lvl
    FROM (${units}) units`;
    // The units once (materialized), then grouped in memory: (level, breakdown value, day) with
    // counts and product value, and for each step k the whole seconds from step 1 of the units that
    // reached it (medians and the time-to-convert distribution). Only a few thousand rows leave
    // the database.
    sql = `WITH l AS MATERIALIZED (${levelled})
    SELECT 0 AS g, lvl, value, (t1 AT TIME ZONE 'UTC')::date::text AS day, 1 AS k, 0 AS sec, count(*)::int AS n,
      coalesce(sum(pv), 0)::float8 AS pv
    FROM l GROUP BY lvl, value, (t1 AT TIME ZONE 'UTC')::date
    ${ks
      .slice(1)
      .map(
        (k) => `UNION ALL
    SELECT 1, NULL, NULL, NULL, ${k}, floor(${elapsedSql(q.order, k)})::int, count(*)::int, 0 FROM l WHERE lvl >= ${k} GROUP BY 6`,
      )
      .join("\n    ")}`;
    type Row = {
      g: number;
      lvl: number;
      value: string | null;
      day: string;
      k: number;
      sec: number;
      n: number;
      pv: number;
    };
    const statement = sql;
    const rows = await db
      .transaction(async (tx) => {
        await tx.query(`SET LOCAL statement_timeout = ${TIMEOUT_MS}`);
        // Analytics settings for this statement only: hash the per-unit rows in memory rather than
        // sorting them on disk; no JIT (its compile time exceeds its gain on one-off statements);
        // and parallel plans priced for a scan of millions of rows, not for OLTP (the defaults keep
        // the session rollup's scan on one core).
        if (db.kind === "postgres") {
          await tx.query("SET LOCAL work_mem = '64MB'");
          await tx.query("SET LOCAL jit = off");
          await tx.query("SET LOCAL parallel_setup_cost = 10");
          await tx.query("SET LOCAL parallel_tuple_cost = 0.001");
        }
        return tx.query<Row>(statement, p.values);
      })
      .catch((err: { code?: string }) => {
        if (err.code === "57014")
          throw new AppError(
            "query_timeout",
            `The funnel did not finish within ${TIMEOUT_MS / 1000} s over this range; narrow the dates or remove filters.`,
          );
        throw err;
      });
    levels = rows.filter((r) => r.g === 0 && r.k === 1);
    times = rows.filter((r) => r.g === 1 && r.k > 1);
  }
  const counts = ks.map((k) => levels.reduce((a, r) => a + (r.lvl >= k ? r.n : 0), 0));
  const lost = ks.map((k) => (k < n ? levels.reduce((a, r) => a + (r.lvl === k ? r.pv : 0), 0) : 0));
  const median = (k: number): number | null => {
    const hist = times.filter((t) => t.k === k).sort((a, b) => a.sec - b.sec);
    const total = hist.reduce((a, t) => a + t.n, 0);
    if (!total) return null;
    let seen = 0;
    for (const t of hist) {
      seen += t.n;
      if (seen * 2 >= total) return t.sec;
    }
    return null;
  };
  const byValue = new Map<string | null, number[]>();
  const byDay = new Map<string, { day: string; entrants: number; converted: number }>();
  for (const r of levels) {
    const c = byValue.get(r.value) ?? ks.map(() => 0);
    for (const k of ks) if (r.lvl >= k) c[k - 1] = (c[k - 1] ?? 0) + r.n;
    byValue.set(r.value, c);
    const d = byDay.get(r.day) ?? { day: r.day, entrants: 0, converted: 0 };
    d.entrants += r.n;
    if (r.lvl === n) d.converted += r.n;
    byDay.set(r.day, d);
  }
  const last = times.filter((t) => t.k === n);
  const first = counts[0] ?? 0;
  const steps = q.steps.map((s, i) => {
    const count = counts[i] ?? 0;
    const prev = i === 0 ? count : (counts[i - 1] ?? 0);
    const dropOff = i < n - 1 ? count - (counts[i + 1] ?? 0) : 0;
    return {
      step: i + 1,
      event: s.event,
      count,
      conversion: first ? count / first : 0,
      fromPrevious: prev ? count / prev : 0,
      dropOff,
      dropOffRate: count ? dropOff / count : 0,
      revenueLost: Math.round((lost[i] ?? 0) * 100) / 100,
      medianSeconds: i === 0 ? null : median(i + 1),
    };
  });
  return {
    steps,
    breakdown: [...byValue.entries()]
      .map(([value, c]) => ({ value, counts: c }))
      .sort((a, b) => (b.counts[0] ?? 0) - (a.counts[0] ?? 0) || String(a.value).localeCompare(String(b.value))),
    timeToConvert: BUCKETS.map(([bucket, max], i) => {
      const min = i === 0 ? 0 : (BUCKETS[i - 1]?.[1] ?? 0);
      return { bucket, count: last.reduce((a, t) => a + (t.sec >= min && t.sec < max ? t.n : 0), 0) };
    }),
    overTime: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
    explain: {
      path,
      reason: cube
        ? `the standard funnel (${preset?.id}) over whole UTC days: read from its per-day cube`
        : (ineligible ??
          (eventSteps.length
            ? `counted by session: the session rollup, joined with the first occurrence of step ${eventSteps.join(", ")} (filtered or not a standard step) read from the events of that step only`
            : preset
              ? "standard steps without filters, counted by session: read from the session rollup (the cube has not computed every day of this range)"
              : "standard steps without filters, counted by session: read from the session rollup")),
      unit: q.unit,
      windowStart: `step 1 (${q.steps[0]?.event}) first occurring in [${q.from}, ${q.to}); window ${q.windowMinutes} min from it`,
      order: q.order,
      timezone: "UTC",
      scanned: scan,
      sql: `${sql}\n-- parameters: ${JSON.stringify(p.values)}`,
      ms: Date.now() - started,
    },
  };
}
