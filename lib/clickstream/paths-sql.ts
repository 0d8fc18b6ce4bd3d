import { nextDay } from "@/lib/schemas/clickstream-reports";
import type { PathsQuery } from "@/lib/schemas/paths";
import { type EventsSql, SESSION_SPAN_MS, type SqlParams } from "./funnel-units-sql";

/**
 * Paths as one statement on either engine (see `getPaths`). A session counts when its first
 * anchor event (its last, for paths ending at the event) falls in [from, to + 1 day); its events
 * are read a session's span either side, so a session crossing the range's edge is whole.
 */

/** One aggregated transition: `sessions` sessions had `name` at `step` then `next` (null: nothing after). */
export type PathRow = { step: number; name: string; next: string | null; ended: number; sessions: number };

/** The instants a paths query reads events between (ISO). */
export function computePathsScan(q: Pick<PathsQuery, "from" | "to">): { from: string; to: string } {
  return {
    from: new Date(Date.parse(`${q.from}T00:00:00Z`) - SESSION_SPAN_MS).toISOString(),
    to: new Date(Date.parse(`${nextDay(q.to)}T00:00:00Z`) + SESSION_SPAN_MS).toISOString(),
  };
}

/**
 * The statement, cheapest first:
 * - `a`: sessions with the anchor, and its first (last) time — a grouped scan of the anchor's events only;
 * - `w`: the events of those sessions from that time on (up to it, ending at), numbered and paired
 *   with the previous event by one window in (time, event id) order — descending for paths ending at
 *   the anchor, so "next" always walks away from it;
 * - `k`: from the anchor occurrence itself (events tied with it in time but ordered before it are
 *   dropped), with immediate repeats of one event collapsed into one node;
 * - `s`: the step of each remaining event and the event after it; grouped into transitions.
 * Excluded events are removed before repeats are collapsed, so A, excluded, A is one A.
 */
export function buildPathsSql(q: PathsQuery, events: EventsSql, p: SqlParams): string {
  const scan = computePathsScan(q);
  const back = q.direction === "end";
  const lo = `${p.add(scan.from)}::timestamptz`;
  const hi = `${p.add(scan.to)}::timestamptz`;
  const from = `${p.add(`${q.from}T00:00:00Z`)}::timestamptz`;
  const to = `${p.add(`${nextDay(q.to)}T00:00:00Z`)}::timestamptz`;
  const anchor = p.add(q.event);
  const depth = p.add(q.depth);
  const excluded = q.exclude.length ? ` AND e.event_name NOT IN (${q.exclude.map((x) => p.add(x)).join(", ")})` : "";
  const inScan = `e.event_timestamp >= ${lo} AND e.event_timestamp < ${hi}`;
  const agg = back ? "max" : "min";
  const dir = back ? " DESC" : "";
  return `WITH a AS (
    SELECT e.session_id AS unit, ${agg}(e.event_timestamp) AS ats
    FROM ${events.source} e
    WHERE e.event_name = ${anchor} AND ${inScan}
    GROUP BY e.session_id
    HAVING ${agg}(e.event_timestamp) >= ${from} AND ${agg}(e.event_timestamp) < ${to}
  ), w AS (
    SELECT e.session_id AS unit, e.event_name AS name, row_number() OVER o AS rn, lag(e.event_name) OVER o AS prev
    FROM ${events.source} e JOIN a ON a.unit = e.session_id AND e.event_timestamp ${back ? "<=" : ">="} a.ats
    WHERE ${inScan}${excluded}
    WINDOW o AS (PARTITION BY e.session_id ORDER BY e.event_timestamp${dir}, e.event_id${dir})
  ), k AS (
    SELECT unit, name, rn
    FROM (SELECT w.*, min(CASE WHEN name = ${anchor} THEN rn END) OVER (PARTITION BY unit) AS arn FROM w) x
    WHERE rn = arn OR (rn > arn AND prev <> name)
  ), s AS (
    SELECT name, row_number() OVER n AS step, lead(name) OVER n AS next
    FROM k WINDOW n AS (PARTITION BY unit ORDER BY rn)
  )
  SELECT step::int AS step, name, CASE WHEN step < ${depth} THEN next END AS next,
    CASE WHEN next IS NULL THEN 1 ELSE 0 END AS ended, count(*)::int AS sessions
  FROM s WHERE step <= ${depth}
  GROUP BY 1, 2, 3, 4`;
}
