/**
 * The four questions `bench:funnel --suite questions` times, each as functions over the columnar
 * copy (DuckDB), the Postgres warehouse, and an Umami-style baseline, plus the bare DuckDB
 * group-by that is this machine's limit. Kept in one place so they can be swapped to the product
 * verbs once those are merged.
 */

import { runFunnel } from "@/lib/clickstream/run-funnel";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import { FunnelQuery, type FunnelResult } from "@/lib/schemas/funnel";

export interface Range {
  /** The funnel range: the trailing `days` before `end` (ISO). */
  from: string;
  to: string;
  /** Retention's range: the trailing 8 weeks. */
  weeksFrom: string;
}

/** A question's answer reduced to numbers, to compare the engines. */
export type Answer = number[];

export interface Question {
  id: string;
  label: string;
  columnar(lake: EventLakeQuery): Promise<Answer>;
  postgres(db: PgDatabase): Promise<Answer>;
  /** Umami-style SQL on Postgres (self-join per step / plain group-by), when there is one. */
  umami?(db: PgDatabase): Promise<Answer>;
}

const counts = (r: FunnelResult) => r.steps.map((s) => s.count);
const day = (iso: string) => iso.slice(0, 10);
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** Umami-style funnel: one join of the events per step, each after the previous, within the window of step 1. */
export function umamiFunnelSql(steps: { event: string; category?: string }[], windowMinutes: number): string {
  const cond = (s: { event: string; category?: string }, e: string) =>
    `${e}.event_name = '${s.event}'${s.category ? ` AND ${e}.product_category = '${s.category}'` : ""}`;
  const levels = steps.map((s, i) =>
    i === 0
      ? `level1 AS (SELECT DISTINCT session_id, event_timestamp AS t0, event_timestamp AS t FROM clickstream_events e
           WHERE ${cond(s, "e")} AND event_timestamp >= $1 AND event_timestamp < $2)`
      : `level${i + 1} AS (SELECT DISTINCT l.session_id, l.t0, e.event_timestamp AS t FROM level${i} l
           JOIN clickstream_events e ON e.session_id = l.session_id
           WHERE ${cond(s, "e")} AND e.event_timestamp >= l.t AND e.event_timestamp <= l.t0 + interval '${windowMinutes} minutes')`,
  );
  return `WITH ${levels.join(",\n")}
    SELECT ${steps.map((_, i) => `(SELECT count(DISTINCT session_id) FROM level${i + 1}) AS c${i + 1}`).join(", ")}`;
}

/**
 * TODO(after merge of retention.ts): swap to the product's retention verb. 8-week retention by
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
 * TODO(after merge of paths.ts): swap to the product's paths verb. Paths from product_view: per
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

/** `$n` as `?` for DuckDB (each use its own parameter). */
const positional = (sql: string, values: string[]) => {
  const params: string[] = [];
  const out = sql.replace(/\$(\d+)/g, (_, n: string) => {
    params.push(values[Number(n) - 1] as string);
    return "CAST(? AS TIMESTAMPTZ)";
  });
  return { sql: out, params };
};

async function lakeRows(lake: EventLakeQuery, sql: string, values: string[]): Promise<Record<string, unknown>[]> {
  const p = positional(sql, values);
  return (await lake.engine.query(p.sql, p.params)).rows;
}

const flat = (rows: Record<string, unknown>[]) =>
  rows.flatMap((r) =>
    Object.values(r).map((v) => (typeof v === "number" ? v : /^\d+$/.test(String(v)) ? Number(v) : String(v).length)),
  );

export function buildQuestions(r: Range): Question[] {
  const q1 = FunnelQuery.parse({
    steps: [
      { event: "page_view" },
      { event: "product_view", category: "shoes" },
      { event: "add_to_cart" },
      { event: "purchase" },
    ],
    windowMinutes: 60,
    from: r.from,
    to: r.to,
  });
  const eight = [
    "page_view",
    "search",
    "category_view",
    "product_view",
    "add_to_cart",
    "view_cart",
    "checkout_start",
    "purchase",
  ];
  // TODO(after merge of exclusions): exclude sessions with remove_from_cart between the steps.
  const q2 = FunnelQuery.parse({
    steps: eight.map((event) => ({ event })),
    windowMinutes: 60,
    order: "any",
    from: r.from,
    to: r.to,
  });
  const pgEpoch = (e: string) => `extract(epoch FROM ${e}::timestamptz)`;
  const duckEpoch = (e: string) => `epoch(${e})`;
  return [
    {
      id: "Q1",
      label: "custom 4-step funnel, category filter, 30 days",
      columnar: async (lake) => counts(await runFunnel({} as PgDatabase, { ...q1, path: "columnar" }, lake)),
      postgres: async (db) => counts(await runFunnel(db, { ...q1, path: "raw" })),
      umami: async (db) => flat(await db.query(umamiFunnelSql(q1.steps, 60), [r.from, r.to])),
    },
    {
      id: "Q2",
      label: "8-step any-order funnel, 30 days (exclusion: TODO)",
      columnar: async (lake) => counts(await runFunnel({} as PgDatabase, { ...q2, path: "columnar" }, lake)),
      postgres: async (db) => counts(await runFunnel(db, { ...q2, path: "raw" })),
      umami: async (db) => flat(await db.query(umamiFunnelSql(q2.steps, 60), [r.from, r.to])),
    },
    {
      id: "Q3",
      label: "8-week retention by client (stand-in SQL)",
      columnar: async (lake) =>
        flat(
          await lakeRows(lake, retentionSql(lake.eventsSource({ from: day(r.weeksFrom), to: day(r.to) }), duckEpoch), [
            r.weeksFrom,
            r.to,
          ]),
        ),
      postgres: async (db) => flat(await db.query(retentionSql("clickstream_events", pgEpoch), [r.weeksFrom, r.to])),
    },
    {
      id: "Q4",
      label: "paths from product_view, 30 days (stand-in SQL)",
      columnar: async (lake) =>
        flat(
          await lakeRows(lake, pathsSql(lake.eventsSource({ from: day(r.from), to: day(plus(r.to, 1)) })), [
            r.from,
            r.to,
          ]),
        ),
      postgres: async (db) => flat(await db.query(pathsSql("clickstream_events"), [r.from, r.to])),
    },
  ];
}

/** The machine's limit: read the columns a funnel reads over the same days, grouped by session, no funnel logic. */
export async function bareGroupBy(lake: EventLakeQuery, r: Range): Promise<Answer> {
  const src = lake.eventsSource({ from: day(plus(r.from, -1)), to: day(plus(r.to, 1)) });
  const rows = await lakeRows(
    lake,
    `SELECT count(*) AS sessions, sum(n) AS events FROM (
       SELECT session_id, count(*) AS n, min(event_timestamp) AS t, max(event_id) AS i, max(event_name) AS e,
         max(product_category) AS c, max(coalesce(product_discount_price, product_price)) AS v
       FROM ${src} WHERE event_timestamp >= $1 AND event_timestamp < $2 GROUP BY session_id) s`,
    [plus(r.from, -1), plus(r.to, 1)],
  );
  return flat(rows);
}
