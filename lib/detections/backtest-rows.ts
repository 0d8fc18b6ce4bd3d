import type { LakeRow } from "@/lib/lake/tables";
import { TABLES } from "@/lib/lake/tables";
import type { LakeDialect, LakeParam } from "@/lib/ports/lake-query";
import type { ScheduledTable } from "./rule";

/** At most this many rows are read per backtest (the rest would not fit a request's memory). */
export const BACKTEST_ROW_CAP = 50_000;

const TIME: Record<ScheduledTable, string> = { cloudtrail: "event_time", vpcflow: "start_time" };
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Rows of a lake table in a span as the ETL hands them to rules: every column, timestamps as epoch
 * ms, lists as JSON text (parsed back by `toLakeRows`). Pruned by `dt`, bounded by the exact time.
 */
export function rowsQuery(
  d: LakeDialect,
  table: ScheduledTable,
  where: { sql: string; params: LakeParam[] },
  span: { fromMs: number; toMs: number },
  limit = BACKTEST_ROW_CAP + 1,
): { sql: string; params: LakeParam[] } {
  const columns = TABLES[table].columns.map((c) =>
    c.type === "timestamp"
      ? `${d.epochMs(c.name)} AS ${c.name}`
      : c.type === "string[]"
        ? `${d.listAsJson(c.name)} AS ${c.name}`
        : c.name,
  );
  const t = TIME[table];
  return {
    sql: `SELECT ${columns.join(", ")} FROM ${d.table(table, { from: day(span.fromMs), to: day(span.toMs) })}
      WHERE dt BETWEEN ? AND ? AND ${t} >= ${d.msToTimestamp("?")} AND ${t} < ${d.msToTimestamp("?")} AND (${where.sql})
      ORDER BY ${t} LIMIT ${limit}`,
    params: [day(span.fromMs), day(span.toMs), span.fromMs, span.toMs, ...where.params],
  };
}

const LISTS = new Set(TABLES.cloudtrail.columns.filter((c) => c.type === "string[]").map((c) => c.name));
const TIMES = new Set(
  [...TABLES.cloudtrail.columns, ...TABLES.vpcflow.columns].filter((c) => c.type === "timestamp").map((c) => c.name),
);

/** Query rows → normalized rows (lists parsed, times as numbers), as rules and finding builders read them. */
export function toLakeRows(rows: readonly Record<string, unknown>[]): LakeRow[] {
  return rows.map((r) => {
    const row: LakeRow = {};
    for (const [c, v] of Object.entries(r)) {
      if (LISTS.has(c)) row[c] = typeof v === "string" ? (JSON.parse(v) as string[]) : [];
      else if (TIMES.has(c)) row[c] = v === null || v === undefined ? null : Number(v);
      else row[c] = (v ?? null) as LakeRow[string];
    }
    return row;
  });
}
