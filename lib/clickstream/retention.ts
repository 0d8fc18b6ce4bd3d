import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { RetentionCohort, RetentionQuery, RetentionResult } from "@/lib/schemas/retention";
import { runEventReport } from "./event-report";
import type { EventsSql, SqlParams } from "./funnel-units-sql";
import { buildUnitSql } from "./identity";
import { buildEventMatchSql, dayMs, describeEventMatch, mondayOnOrBefore, periodIndexSql, toDay } from "./report-sql";
import { buildSummaryRetentionSql } from "./summary-reports-sql";

/**
 * Retention, one definition for both engines:
 * - periods are whole UTC days, or weeks starting Monday; the report reads events from the first
 *   period's start to the last period's end, and nothing before it;
 * - a unit's cohort is the period of its first cohort event in that data (so "first ever" means
 *   first since the report's start: a unit active before it is taken as new in its first period here);
 * - offset 0 is the cohort itself (100%); offset n counts the cohort's units that did the return
 *   event in the period n after their cohort's, whatever they did in between.
 * The engine groups events by unit and period once, then counts; JavaScript only lays out the table.
 */

type Row = { cohort: number; k: number; n: number };

/** The first period's start (ms) and a period's length (s). */
export function retentionPeriods(q: RetentionQuery): { startMs: number; seconds: number } {
  const start = dayMs(q.start);
  return q.period === "week"
    ? { startMs: mondayOnOrBefore(start), seconds: 7 * 86_400 }
    : { startMs: start, seconds: 86_400 };
}

/** The statement: rows (cohort, k = -1, size) and (cohort, k ≥ 1, units back at offset k). */
export function buildRetentionSql(q: RetentionQuery, events: EventsSql, p: SqlParams): string {
  const { startMs, seconds } = retentionPeriods(q);
  const { expr: unit, join } = buildUnitSql(q.unit, events);
  const cohortPred = buildEventMatchSql(q.cohortEvent, p);
  const returnPred = buildEventMatchSql(q.returnEvent, p);
  const period = periodIndexSql(events, p, startMs, seconds);
  const lo = p.add(new Date(startMs).toISOString());
  const hi = p.add(new Date(startMs + q.periods * seconds * 1000).toISOString());
  return `WITH base AS (
      SELECT ${unit} AS unit, ${period} AS p, ${cohortPred} AS c, ${returnPred} AS r
      FROM ${events.source} e ${join}
      WHERE e.event_timestamp >= ${lo} AND e.event_timestamp < ${hi} AND ${unit} IS NOT NULL
    ),
    unit_periods AS (SELECT unit, p, bool_or(c) AS c, bool_or(r) AS r FROM base GROUP BY unit, p),
    cohorts AS (SELECT unit, min(p) FILTER (WHERE c) AS cp FROM unit_periods GROUP BY unit)
    SELECT co.cp AS cohort, -1 AS k, CAST(count(*) AS INTEGER) AS n
    FROM cohorts co WHERE co.cp IS NOT NULL GROUP BY co.cp
    UNION ALL
    SELECT co.cp AS cohort, x.p - co.cp AS k, CAST(count(*) AS INTEGER) AS n
    FROM cohorts co JOIN unit_periods x ON x.unit = co.unit AND x.p > co.cp AND x.r
    GROUP BY co.cp, x.p - co.cp`;
}

/** Lays the counted rows out as cohorts × offsets, each cell marked by whether its period has ended. */
export function shapeRetention(
  q: RetentionQuery,
  rows: readonly Row[],
  now: number,
): Pick<RetentionResult, "cohorts" | "average"> {
  const { startMs, seconds } = retentionPeriods(q);
  const periodStart = (i: number) => startMs + i * seconds * 1000;
  const count = new Map(rows.map((r) => [`${r.cohort}:${r.k}`, Number(r.n)]));
  const cohorts: RetentionCohort[] = [];
  for (let i = 0; i < q.periods; i++) {
    const size = count.get(`${i}:-1`) ?? 0;
    const cells = [];
    for (let k = 0; i + k < q.periods; k++) {
      const begins = periodStart(i + k);
      const state = now >= periodStart(i + k + 1) ? "complete" : now >= begins ? "in_progress" : "not_started";
      const n = state === "not_started" ? null : k === 0 ? size : (count.get(`${i}:${k}`) ?? 0);
      cells.push({ offset: k, count: n, share: n === null || size === 0 ? null : n / size, state } as const);
    }
    cohorts.push({ start: toDay(periodStart(i)), size, cells });
  }
  const average = Array.from({ length: q.periods }, (_, k) => {
    const counted = cohorts.filter((c) => c.size > 0 && c.cells[k]?.state === "complete");
    const size = counted.reduce((s, c) => s + c.size, 0);
    const back = counted.reduce((s, c) => s + (c.cells[k]?.count ?? 0), 0);
    return { offset: k, share: size ? back / size : null, cohorts: counted.length };
  });
  return { cohorts, average };
}

/** The retention table and average curve, from the columnar copy or the warehouse (see `runEventReport`). */
export async function computeRetention(
  db: Database,
  q: RetentionQuery,
  opts: { lake?: EventLakeQuery; now?: number } = {},
): Promise<RetentionResult> {
  const { startMs, seconds } = retentionPeriods(q);
  const scan = {
    from: new Date(startMs).toISOString(),
    to: new Date(startMs + q.periods * seconds * 1000).toISOString(),
  };
  const { rows, explain } = await runEventReport<Row>({
    db,
    lake: opts.lake,
    path: q.path,
    scan,
    name: "The retention report",
    build: (events, p) => buildRetentionSql(q, events, p),
    fromSummary: (sessions, p) => buildSummaryRetentionSql(q, { startMs, seconds }, sessions, p),
  });
  return {
    period: q.period,
    unit: q.unit,
    start: toDay(startMs),
    periods: q.periods,
    ...shapeRetention(q, rows, opts.now ?? Date.now()),
    explain: {
      ...explain,
      cohortEvent: describeEventMatch(q.cohortEvent),
      returnEvent: describeEventMatch(q.returnEvent),
    },
  };
}
