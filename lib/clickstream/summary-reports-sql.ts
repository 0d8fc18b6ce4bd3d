import { nextDay } from "@/lib/schemas/clickstream-reports";
import type { EventMatch } from "@/lib/schemas/event-report";
import type { PathsQuery } from "@/lib/schemas/paths";
import type { RetentionQuery } from "@/lib/schemas/retention";
import type { SqlParams } from "./funnel-units-sql";

/**
 * Retention and paths from the columnar copy's per-session summary (`session-summary.ts`), in the
 * lake engine's (DuckDB's) spelling, answering exactly what `buildRetentionSql` and `buildPathsSql`
 * answer over raw events, when the question fits the summary (else null: read the events). Tests
 * hold the two equal.
 */

/** Sessions source for the start days [from, to] (`EventLakeQuery.sessionsSource`). */
export type SessionsSource = (days: { from: string; to: string }) => string;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** An event match the summary can look up: any event, or one event by name. */
const fitsSummary = (m: EventMatch) => Object.entries(m).every(([k, v]) => v === undefined || k === "event");

/**
 * A unit's activity within [lo, hi) at the instants the summary keeps. A session lasts under a day
 * and periods are days or weeks, so its events in the range lie in the periods of its first and last
 * (of the matched event: their first and last occurrence) that fall in the range.
 */
function periodsOf(m: EventMatch, p: SqlParams, lo: string, hi: string, seconds: number): [string, string] {
  const [a, b] = m.event
    ? (() => {
        const at = `list_position(s.fn, ${p.add(m.event)})`;
        return [`s.ft[${at}]`, `s.lt[${at}]`];
      })()
    : ["s.first_us", "s.last_us"];
  const period = (x: string) =>
    `CASE WHEN ${x} >= ${lo} AND ${x} < ${hi} THEN CAST((${x} - ${lo}) // ${seconds * 1_000_000} AS INTEGER) END`;
  return [period(a), period(b)];
}

/**
 * Retention by client from the summary: per client, the cohort (the first period with the cohort
 * event) and a bit per period with the return event; clients grouped by (cohort, bits) before the
 * cells are counted. Null when the question needs the events (other units or event filters).
 */
export function buildSummaryRetentionSql(
  q: RetentionQuery,
  { startMs, seconds }: { startMs: number; seconds: number },
  sessions: SessionsSource,
  p: SqlParams,
): string | null {
  if (q.unit !== "client" || !fitsSummary(q.cohortEvent) || !fitsSummary(q.returnEvent) || q.periods > 62) return null;
  const endMs = startMs + q.periods * seconds * 1000;
  const lo = `${startMs}000`;
  const hi = `${endMs}000`;
  const [c1, c2] = periodsOf(q.cohortEvent, p, lo, hi, seconds);
  const [r1, r2] = periodsOf(q.returnEvent, p, lo, hi, seconds);
  const src = sessions({ from: isoDay(startMs - DAY_MS), to: isoDay(endMs - 1) });
  const bit = (x: string) => `coalesce(CAST(1 AS UBIGINT) << ${x}, CAST(0 AS UBIGINT))`;
  return `WITH s AS (
      SELECT s.client_id AS unit, ${c1} AS c1, ${c2} AS c2, ${r1} AS r1, ${r2} AS r2
      FROM ${src} s WHERE s.client_id IS NOT NULL
    ), u AS (
      SELECT unit, min(least(coalesce(c1, 9999), coalesce(c2, 9999))) AS cp, bit_or(${bit("r1")} | ${bit("r2")}) AS m
      FROM s GROUP BY unit
    ), g AS (SELECT cp, m, count(*) AS n FROM u WHERE cp < 9999 GROUP BY cp, m)
    SELECT cp AS cohort, -1 AS k, CAST(sum(n) AS INTEGER) AS n FROM g GROUP BY cp
    UNION ALL
    SELECT cp AS cohort, k, CAST(sum(n) AS INTEGER) AS n FROM g CROSS JOIN range(1, ${q.periods}) r(k)
    WHERE cp + k < ${q.periods} AND ((m >> CAST(cp + k AS INTEGER)) & CAST(1 AS UBIGINT)) = 1
    GROUP BY cp, k`;
}

/**
 * Paths from the summary: each session's collapsed sequence of events (`seq`), cut at its first
 * anchor (its last, walking back, for paths ending at it) — the run of the anchor there starts (ends)
 * at that occurrence, so the cut equals collapsing the events from it. Null when events are excluded
 * (they are removed before repeats are collapsed, which the stored sequence cannot undo).
 */
export function buildSummaryPathsSql(q: PathsQuery, sessions: SessionsSource, p: SqlParams): string | null {
  if (q.exclude.length) return null;
  const back = q.direction === "end";
  const anchor = p.add(q.event);
  const depth = p.add(q.depth);
  const fromMs = Date.parse(`${q.from}T00:00:00Z`);
  const toMs = Date.parse(`${nextDay(q.to)}T00:00:00Z`);
  const src = sessions({ from: isoDay(fromMs - DAY_MS), to: q.to });
  const walk = back ? "list_reverse(s.seq)" : "s.seq";
  const at = `(${back ? "s.lt" : "s.ft"})[list_position(s.fn, ${anchor})]`;
  return `WITH a AS (
      SELECT list_slice(w, i, i + ${depth}) AS q FROM (
        SELECT ${walk} AS w, list_position(${walk}, ${anchor}) AS i FROM ${src} s
        WHERE ${at} >= ${fromMs}000 AND ${at} < ${toMs}000) x
    ), x AS (SELECT q, unnest(range(1, least(len(q), ${depth}) + 1)) AS step FROM a)
    SELECT CAST(step AS INTEGER) AS step, q[step] AS name, CASE WHEN step < ${depth} THEN q[step + 1] END AS next,
      CASE WHEN q[step + 1] IS NULL THEN 1 ELSE 0 END AS ended, CAST(count(*) AS INTEGER) AS sessions
    FROM x GROUP BY 1, 2, 3, 4`;
}
