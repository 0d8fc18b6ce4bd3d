import type { FunnelQuery } from "@/lib/schemas/funnel";
import { type SqlParams, toStepKey } from "./funnel-units-sql";
import { SUMMARY_KEY_SEPARATOR } from "./session-summary";

/**
 * Funnels from the columnar copy's per-session summary (`session-summary.ts`): a step's first
 * occurrence is looked up in the session's list of event names (or of name and category pairs), so
 * a 30-day funnel reads one row per session instead of every event. The lists are the lake
 * engine's (DuckDB's) spelling. Counts equal the raw-event statement's by definition (first
 * occurrence per step, first product value by time then event id); tests hold them equal.
 */

/** Why the summary cannot answer this funnel over the copy, or null when it can. */
export function getSummaryIneligibility(q: FunnelQuery): string | null {
  if (q.unit !== "session") return `the summary is per session; this funnel counts by ${q.unit}`;
  if (q.order === "strict") return "strict order needs the events in between";
  if (q.sameProduct) return "same-product funnels need each product's events";
  if (q.breakdown) return "a breakdown takes its value from the events matched as steps";
  if (q.steps.some((s) => s.productId || s.brand || s.loginState || s.firstVisit !== undefined))
    return "the summary keeps steps by event and product category; other filters need the events";
  const keys = q.steps.map(toStepKey);
  if (new Set(keys).size !== keys.length) return "a repeated step needs its second occurrence";
  return null;
}

/** The start days (yyyy-mm-dd, inclusive) of the sessions a funnel entering in [from, to) can count. */
export function summaryStartDays(q: Pick<FunnelQuery, "from" | "to">): { from: string; to: string } {
  return {
    from: new Date(Date.parse(q.from) - 86_400_000).toISOString().slice(0, 10),
    to: new Date(Date.parse(q.to) - 1).toISOString().slice(0, 10),
  };
}

/** Whether the summary decides the funnel's exclusions (each names an event alone: its first and last time are kept). */
export const summaryKeepsExclusions = (q: FunnelQuery) =>
  q.exclusions.every((x) => !x.productId && !x.category && !x.brand && !x.loginState && x.firstVisit === undefined);

/**
 * Per-unit rows (unit, t1…tn, value, pv; with `summaryKeepsExclusions`, xf1, xl1, … each exclusion
 * event's first and last time) from the summary source `sessions`, units entering in [from, to).
 */
export function buildSummaryUnitsSql(
  q: FunnelQuery,
  p: SqlParams,
  from: string,
  to: string,
  sessions: string,
  /** Whether the units' ids are read (a funnel without exclusions counts without them: 36 bytes a session less to read). */
  withIds = true,
): string {
  const first = (s: FunnelQuery["steps"][number]) =>
    s.category
      ? `s.fkt[list_position(s.fk, ${p.add(`${s.event}${SUMMARY_KEY_SEPARATOR}${s.category}`)})]`
      : `s.ft[list_position(s.fn, ${p.add(s.event)})]`;
  const ts = q.steps.map((s, i) => `make_timestamptz(${first(s)}) AS t${i + 1}`).join(", ");
  const xs = summaryKeepsExclusions(q)
    ? q.exclusions
        .map((x, m) => {
          const at = `list_position(s.fn, ${p.add(x.event)})`;
          return `, make_timestamptz(s.ft[${at}]) AS xf${m + 1}, make_timestamptz(s.lt[${at}]) AS xl${m + 1}`;
        })
        .join("")
    : "";
  return `SELECT * FROM (SELECT ${withIds ? "s.session_id" : "CAST(NULL AS VARCHAR)"} AS unit, ${ts}${xs}, CAST(NULL AS VARCHAR) AS value, s.pv AS pv FROM ${sessions} s) z
    WHERE t1 >= ${from} AND t1 < ${to}`;
}
