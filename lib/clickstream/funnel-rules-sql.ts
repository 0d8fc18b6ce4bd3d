import type { FunnelQuery } from "@/lib/schemas/funnel";
import { buildStepPredicate, type EventsSql, type SqlParams } from "./funnel-units-sql";
import { buildUnitSql } from "./identity";

/**
 * The parts of a funnel only raw events can answer (the rollup keeps neither per-step values nor
 * the events between steps): exclusions, per-step time limits, breakdown attribution, long funnels
 * and the person unit. See run-funnel.ts for their meaning.
 */

/** Steps the session rollup and the cube answer at most. */
export const MAX_ROLLUP_STEPS = 8;

/** Why only raw events (or their columnar copy) can count this funnel, in words; null when the rollup may. */
export function getRawOnlyReason(q: FunnelQuery): string | null {
  if (q.unit === "person") return "counting by person merges browsers with the accounts they sign in to";
  if (q.exclusions.length > 0) return "exclusions need the events between the steps";
  if (q.steps.some((s) => s.minMinutesFromPrevious !== undefined || s.maxMinutesFromPrevious !== undefined))
    return "time limits between steps need each step's own time";
  if (q.breakdown) return "a breakdown takes its value from the events matched as steps";
  if (q.steps.length > MAX_ROLLUP_STEPS) return `the rollup answers funnels of up to ${MAX_ROLLUP_STEPS} steps`;
  return null;
}

/**
 * A unit's breakdown value from v1…vn (the value on the event matched as each step) and its level
 * `lvl`: first touch, last touch, or one step's.
 */
export function buildAttributedValueSql(q: FunnelQuery): string {
  if (!q.breakdown) return "NULL::text";
  const n = q.steps.length;
  if (q.attribution === "step") return `CASE WHEN lvl >= ${q.attributionStep ?? 1} THEN v${q.attributionStep ?? 1} END`;
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const order = q.attribution === "last" ? ks.reverse() : ks;
  return `CASE ${order.map((k) => `WHEN lvl >= ${k} AND v${k} IS NOT NULL THEN v${k}`).join(" ")} END`;
}

/**
 * Exclusions as CTEs after the levelled units `l0` (unit, t1…tn, lvl): `xev`, the events matching
 * any exclusion (only those; unit, ts, x1…xm) over the funnel's scan, and `ex`, the units to drop —
 * those that reached an exclusion's later step with its event strictly between the two steps —
 * found by one hash join of the units with those events (no per-unit subquery).
 */
export function buildExclusionSql(
  q: FunnelQuery,
  p: SqlParams,
  scan: { lo: string; hi: string },
  events: EventsSql,
  /** l0 carries each exclusion event's first and last time (xf1, xl1, …: the per-session summary's). */
  firstAndLast = false,
): string | null {
  if (q.exclusions.length === 0) return null;
  const unit = buildUnitSql(q.unit, events);
  const preds = q.exclusions.map((x) => buildStepPredicate(x, p));
  const bounds = q.exclusions.map((x) => {
    const [a, b] = [`l0.t${x.fromStep}`, `l0.t${x.toStep}`];
    return q.order === "any" ? [`least(${a}, ${b})`, `greatest(${a}, ${b})`] : [a, b];
  });
  const conds = q.exclusions.map(
    (x, m) => `(l0.lvl >= ${x.toStep} AND xev.x${m + 1} AND xev.ts > ${bounds[m]?.[0]} AND xev.ts < ${bounds[m]?.[1]})`,
  );
  const reach = Math.min(...q.exclusions.map((x) => x.toStep));
  const xev = `xev AS (SELECT ${unit.expr} AS unit, e.event_timestamp AS ts, ${preds.map((pr, i) => `(${pr}) AS x${i + 1}`).join(", ")}
      FROM ${events.source} e ${unit.join}
      WHERE e.event_timestamp >= ${scan.lo} AND e.event_timestamp < ${scan.hi}
        AND (${preds.map((pr) => `(${pr})`).join(" OR ")}))`;
  if (!firstAndLast)
    return `${xev},
    ex AS (SELECT DISTINCT l0.unit FROM (SELECT * FROM l0 WHERE lvl >= ${reach}) l0
      JOIN xev ON xev.unit = l0.unit WHERE ${conds.join(" OR ")})`;
  // With the first and last time of each exclusion event, one inside the steps decides; both outside
  // on one side too; only a unit with the event before and after them (a third time may lie between)
  // is looked up in the events.
  const inside = (v: string, m: number) => `(${v} > ${bounds[m]?.[0]} AND ${v} < ${bounds[m]?.[1]})`;
  const sure = q.exclusions.map(
    (x, m) => `(l0.lvl >= ${x.toStep} AND (${inside(`l0.xf${m + 1}`, m)} OR ${inside(`l0.xl${m + 1}`, m)}))`,
  );
  const open = q.exclusions.map(
    (x, m) => `(l0.lvl >= ${x.toStep} AND l0.xf${m + 1} <= ${bounds[m]?.[0]} AND l0.xl${m + 1} >= ${bounds[m]?.[1]})`,
  );
  return `${xev},
    ex AS (SELECT l0.unit FROM l0 WHERE l0.lvl >= ${reach} AND (${sure.join(" OR ")})
      UNION
      SELECT l0.unit FROM (SELECT * FROM l0 WHERE lvl >= ${reach} AND (${open.join(" OR ")})) l0
        JOIN xev ON xev.unit = l0.unit WHERE ${conds.join(" OR ")})`;
}
