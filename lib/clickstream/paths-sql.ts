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
 * - `ai`: the anchor occurrence's event id (ties in time are ordered by event id), from the anchor's
 *   events at that instant only;
 * - `w`: the events of those sessions from that occurrence on (up to it, ending at), numbered and
 *   paired with the previous event by one window in (time, event id) order — descending for paths
 *   ending at the anchor, so "next" always walks away from it;
 * - `s`: immediate repeats of one event collapsed into one node (a cheap window over integers
 *   numbers the steps left and pairs each with the next); grouped into transitions.
 * Ids compare as text on both engines (lowercase uuids: the same order as the warehouse's uuid type).
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
  const after = back ? "<" : ">";
  return `WITH a AS (
    SELECT e.session_id AS unit, ${agg}(e.event_timestamp) AS ats
    FROM ${events.source} e
    WHERE e.event_name = ${anchor} AND ${inScan}
    GROUP BY e.session_id
    HAVING ${agg}(e.event_timestamp) >= ${from} AND ${agg}(e.event_timestamp) < ${to}
  ), ai AS (
    SELECT a.unit, a.ats, ${agg}(CAST(e.event_id AS text)) AS aid
    FROM ${events.source} e JOIN a ON a.unit = e.session_id AND e.event_timestamp = a.ats
    WHERE e.event_name = ${anchor} AND ${inScan}
    GROUP BY a.unit, a.ats
  ), w AS (
    SELECT e.session_id AS unit, e.event_name AS name, row_number() OVER o AS rn, lag(e.event_name) OVER o AS prev
    FROM ${events.source} e JOIN ai ON ai.unit = e.session_id AND e.event_timestamp ${after}= ai.ats
    WHERE ${inScan}${excluded}
      AND (e.event_timestamp ${after} ai.ats OR CAST(e.event_id AS text) ${after}= ai.aid)
    WINDOW o AS (PARTITION BY e.session_id ORDER BY e.event_timestamp${dir}, e.event_id${dir})
  ), s AS (
    SELECT name, row_number() OVER n AS step, lead(name) OVER n AS next
    FROM w WHERE rn = 1 OR prev <> name
    WINDOW n AS (PARTITION BY unit ORDER BY rn)
  )
  SELECT step::int AS step, name, CASE WHEN step < ${depth} THEN next END AS next,
    CASE WHEN next IS NULL THEN 1 ELSE 0 END AS ended, count(*)::int AS sessions
  FROM s WHERE step <= ${depth}
  GROUP BY 1, 2, 3, 4`;
}
