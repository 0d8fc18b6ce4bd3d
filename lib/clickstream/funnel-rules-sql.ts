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
 * Exclusions: the events matching any exclusion (only those) as `xev` (unit, ts, x1…xm), read over
 * the funnel's scan, and the per-unit condition dropping a unit (over columns t1…tn, lvl, unit):
 * it reached the exclusion's later step and an excluded event lies strictly between its two steps.
 */
export function buildExclusionSql(
  q: FunnelQuery,
  p: SqlParams,
  scan: { lo: string; hi: string },
  events: EventsSql,
): { cte: string; excluded: string } | null {
  if (q.exclusions.length === 0) return null;
  const unit = buildUnitSql(q.unit, events);
  const preds = q.exclusions.map((x) => buildStepPredicate(x, p));
  const cte = `xev AS (SELECT ${unit.expr} AS unit, e.event_timestamp AS ts, ${preds.map((pr, i) => `(${pr}) AS x${i + 1}`).join(", ")}
    FROM ${events.source} e ${unit.join}
    WHERE e.event_timestamp >= ${scan.lo} AND e.event_timestamp < ${scan.hi}
      AND (${preds.map((pr) => `(${pr})`).join(" OR ")}))`;
  const conds = q.exclusions.map((x, m) => {
    const [a, b] = [`t${x.fromStep}`, `t${x.toStep}`];
    const [lo, hi] = q.order === "any" ? [`least(${a}, ${b})`, `greatest(${a}, ${b})`] : [a, b];
    return `(lvl >= ${x.toStep} AND EXISTS (SELECT 1 FROM xev WHERE xev.unit = l0.unit AND xev.x${m + 1} AND xev.ts > ${lo} AND xev.ts < ${hi}))`;
  });
  return { cte, excluded: conds.join(" OR ") };
}
