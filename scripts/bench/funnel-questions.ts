/**
 * The four questions `bench:funnel --suite questions` times, each as functions over the columnar
 * copy (DuckDB), the Postgres warehouse, and an Umami-style baseline, plus the bare DuckDB
 * group-by that is this machine's limit. Every question runs through the product's own verb
 * (runFunnel, computeRetention, getPaths) on both engines.
 */

import { getPaths } from "@/lib/clickstream/paths";
import { computeRetention } from "@/lib/clickstream/retention";
import { runFunnel } from "@/lib/clickstream/run-funnel";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { Principal } from "@/lib/schemas/auth";
import { FunnelQuery, type FunnelResult } from "@/lib/schemas/funnel";
import { PathsQuery, type PathsResult } from "@/lib/schemas/paths";
import { RetentionQuery, type RetentionResult } from "@/lib/schemas/retention";

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

const counts = (r: FunnelResult) => [...r.steps.map((s) => s.count), r.excluded];
const retentionCounts = (r: RetentionResult) => r.cohorts.flatMap((c) => c.cells.map((x) => x.count ?? -1));
const pathCounts = (r: PathsResult) => [r.sessions, ...r.links.map((l) => l.sessions)];
/** The paths verb checks the caller's role: the bench calls it as an admin. */
const BENCH_ADMIN: Principal = { id: "bench", email: "bench@sightline.local", roles: ["admins"] };
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

/** The custom funnel every funnel bench times: four steps, the second filtered by category. */
export const CUSTOM_FUNNEL_STEPS = [
  { event: "page_view" },
  { event: "product_view", category: "shoes" },
  { event: "add_to_cart" },
  { event: "purchase" },
];

export function buildQuestions(r: Range): Question[] {
  const q1 = FunnelQuery.parse({
    steps: CUSTOM_FUNNEL_STEPS,
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
  // Not "removed something from the cart between adding to it and buying".
  const q2 = FunnelQuery.parse({
    steps: eight.map((event) => ({ event })),
    windowMinutes: 60,
    order: "any",
    from: r.from,
    to: r.to,
    exclusions: [{ event: "remove_from_cart", fromStep: 5, toStep: 8 }],
  });
  const q3 = RetentionQuery.parse({ period: "week", periods: 8, start: day(r.weeksFrom), unit: "client" });
  const q4 = PathsQuery.parse({ from: day(r.from), to: day(plus(r.to, -1)), event: "product_view", depth: 4 });
  const ctx = (db: Database, eventLake?: EventLakeQuery) => ({ db, principal: BENCH_ADMIN, eventLake });
  const noDb = {} as PgDatabase;
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
      label: "8-step any-order funnel with an exclusion, 30 days",
      columnar: async (lake) => counts(await runFunnel({} as PgDatabase, { ...q2, path: "columnar" }, lake)),
      postgres: async (db) => counts(await runFunnel(db, { ...q2, path: "raw" })),
      umami: async (db) => flat(await db.query(umamiFunnelSql(q2.steps, 60), [r.from, r.to])),
    },
    {
      id: "Q3",
      label: "8-week retention by client",
      columnar: async (lake) => retentionCounts(await computeRetention(noDb, { ...q3, path: "columnar" }, { lake })),
      postgres: async (db) => retentionCounts(await computeRetention(db, { ...q3, path: "warehouse" })),
    },
    {
      id: "Q4",
      label: "paths from product_view, 4 steps, 30 days",
      columnar: async (lake) =>
        pathCounts(await getPaths({ ctx: ctx(noDb, lake), input: { ...q4, path: "columnar" } })),
      postgres: async (db) => pathCounts(await getPaths({ ctx: ctx(db), input: { ...q4, path: "warehouse" } })),
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
