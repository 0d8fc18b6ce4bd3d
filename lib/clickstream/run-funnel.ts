import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { FunnelQuery, FunnelResult } from "@/lib/schemas/funnel";
import { queryColumnarFunnel } from "./columnar-funnel";
import { chooseEventLake } from "./event-report";
import { type CubePreset, findCubePreset, readFunnelCube } from "./funnel-cube";
import { buildFunnelSql, getRollupIneligibility, type ScanRange } from "./funnel-query";
import { type FunnelLevelRow, type FunnelTimeRow, summariseFunnel } from "./funnel-summary";
import { SqlParams } from "./funnel-units-sql";
import { queryWarehouse } from "./report-run";
import { isKeptByRollup } from "./session-rollup";
import { SUMMARY_SOURCE } from "./session-summary";

/**
 * Funnels, one definition for both paths (see ARCHITECTURE.md, "Funnels"):
 * - a unit (session / client / user / person) enters when its step 1 first occurs inside [from, to);
 *   a person is the event's user, else the user its browser (client) first signed in as, else the
 *   client (`identity.ts`);
 * - each step counts at its first occurrence in the unit (the n-th, when the same step definition
 *   repeats n times). A unit reaches step k when it reached 1…k-1, t_k keeps the order rule, t_k is
 *   within the window from t_1, and, where the step sets them, min ≤ t_k − t_(k−1) ≤ max (any order:
 *   the gap between the two steps' times either way round);
 * - sequential: every step at or after the previous one (equal timestamps count as in order);
 *   strict: each step the very next event of the unit; any: all steps within one window, any order;
 * - exclusion {X, i, j}: a unit that reaches step j with an X event strictly between t_i and t_j
 *   (any order: between the earlier and the later of the two) is dropped from the funnel and counted
 *   in `excluded`;
 * - same product: evaluated per product of the unit (events without a product count for every
 *   product), the unit keeps its best product;
 * - breakdown value: v_k is the value on the event matched as step k (never another event); first
 *   touch takes the lowest reached step with a value, last touch the highest, a step s its v_s when
 *   reached (else none). The product value is the unit's first seen (earliest event carrying one).
 * The session rollup answers standard steps without filters for sessions (sequential / any), with
 * none of the above that only raw events know (`getRawOnlyReason`); every other funnel reads raw
 * events over the range plus the window, with a statement timeout.
 */

type FunnelRow = FunnelLevelRow & FunnelTimeRow & { g: number };

/** Why the funnel was counted the way it was, in words. */
function explainFunnelPath(a: {
  cube: boolean;
  preset: CubePreset | null;
  ineligible: string | null;
  eventSteps: number[];
}): string {
  if (a.cube) return `the standard funnel (${a.preset?.id}) over whole UTC days: read from its per-day cube`;
  return (
    a.ineligible ??
    (a.eventSteps.length
      ? `counted by session: the session rollup, joined with the first occurrence of step ${a.eventSteps.join(", ")} (filtered or not a standard step) read from the events of that step only`
      : a.preset
        ? "standard steps without filters, counted by session: read from the session rollup (the cube has not computed every day of this range)"
        : "standard steps without filters, counted by session: read from the session rollup")
  );
}

/**
 * The columnar copy when it counts this funnel, chosen as for every raw-event report: asked for by
 * name, or (auto) when it holds every loaded object; a funnel forced onto a Postgres path never reads it.
 */
const chooseColumnar = (db: Database, q: FunnelQuery, lake?: EventLakeQuery) =>
  chooseEventLake(db, q.path === "columnar" || q.path === "auto" ? q.path : "warehouse", lake);

/** The funnel counted by the lake engine over the columnar copy. */
async function runColumnarFunnel(lake: EventLakeQuery, q: FunnelQuery, started: number): Promise<FunnelResult> {
  const { levels, times, excluded, sql, params, scan, summaryIneligible } = await queryColumnarFunnel(lake, q);
  const read = summaryIneligible
    ? `the columnar copy of the events (Parquet by event hour), reading the partitions of the range plus what a unit entering in it can reach (not the per-session summary: ${summaryIneligible})`
    : SUMMARY_SOURCE;
  return {
    ...summariseFunnel(q, levels, times, excluded),
    explain: {
      path: "columnar",
      reason: `counted by ${lake.engine.dialect.engine === "athena" ? "Athena" : "DuckDB"} over ${read}`,
      unit: q.unit,
      windowStart: `step 1 (${q.steps[0]?.event}) first occurring in [${q.from}, ${q.to}); window ${q.windowMinutes} min from it`,
      order: q.order,
      timezone: "UTC",
      scanned: scan,
      sql: `${sql}\n-- parameters: ${JSON.stringify(params)}`,
      ms: Date.now() - started,
    },
  };
}

/**
 * Counts the funnel from its per-day cube when that answers it, else from the columnar copy (when
 * one is given and complete), else from the rollup or raw events in Postgres.
 */
export async function runFunnel(db: Database, q: FunnelQuery, lake?: EventLakeQuery): Promise<FunnelResult> {
  const started = Date.now();
  const ineligible = getRollupIneligibility(q);
  const preset = findCubePreset(q);
  const cube = preset ? await readFunnelCube(db, preset, q) : null;
  const columnar = cube ? null : await chooseColumnar(db, q, lake);
  if (columnar) return runColumnarFunnel(columnar, q, started);
  const eventSteps = q.steps.flatMap((s, i) => (isKeptByRollup(s) ? [] : [i + 1]));
  const p = new SqlParams();
  let levels: FunnelLevelRow[];
  let times: FunnelTimeRow[];
  let sql: string;
  let scan: ScanRange = { from: q.from, to: q.to };
  let excluded = 0;
  if (cube) {
    ({ levels, times, sql } = cube);
    for (const v of [preset?.id, q.breakdown ?? "none", q.from.slice(0, 10), q.to.slice(0, 10)]) p.add(v);
  } else {
    ({ sql, scan } = buildFunnelSql(q, p, { path: ineligible ? "raw" : "rollup", ineligible, eventSteps }));
    const rows = await queryWarehouse<FunnelRow>(db, sql, p.values, "The funnel");
    levels = rows.filter((r) => r.g === 0 && r.k === 1);
    times = rows.filter((r) => r.g === 1 && r.k > 1);
    excluded = rows.reduce((a, r) => a + (r.g === 2 ? r.n : 0), 0);
  }
  return {
    ...summariseFunnel(q, levels, times, excluded),
    explain: {
      path: cube ? "cube" : ineligible ? "raw" : "rollup",
      reason: explainFunnelPath({ cube: cube !== null, preset, ineligible, eventSteps }),
      unit: q.unit,
      windowStart: `step 1 (${q.steps[0]?.event}) first occurring in [${q.from}, ${q.to}); window ${q.windowMinutes} min from it`,
      order: q.order,
      timezone: "UTC",
      scanned: scan,
      sql: `${sql}\n-- parameters: ${JSON.stringify(p.values)}`,
      ms: Date.now() - started,
    },
  };
}
