import { findingEventOf, raiseFindingEvents } from "@/lib/lake/finding-events";
import type { ParquetWriter } from "@/lib/lake/stage-object";
import type { LakeRow } from "@/lib/lake/tables";
import type { Queryable } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { ObjectStore } from "@/lib/ports/object-store";
import { SCHEDULED_RULES } from "./catalog";
import { publishEvaluation } from "./detection-outputs";
import { evaluateSequence, sequenceSpan } from "./evaluate-sequence";
import { evaluateThreshold, HOUR_MS, thresholdSpan } from "./evaluate-threshold";
import type { ScheduledRule } from "./rule";
import { toKeyedEvents } from "./scheduled-events";
import { sequenceQuery, thresholdQuery } from "./scheduled-query";
import {
  hoursWrittenSince,
  lastEvaluatedHour,
  listEvaluatedHours,
  markObjectsSeen,
  recordEvaluation,
} from "./scheduled-store";
import { allows, type DetectionTuning, factsOf, loadTuning, severityOf } from "./tuning";

/** An hour is evaluated once it has ended and this long has passed (late files of the hour arrive). */
export const SETTLE_MS = 10 * 60_000;
/** How far back a rule never evaluated before starts. */
export const BACKFILL_HOURS = 24;

export interface ScheduledDeps {
  db: Queryable;
  lake: LakeQueryEngine;
  store: ObjectStore;
  writer: ParquetWriter;
  stagingRoot: string;
  rules?: readonly ScheduledRule[];
  now?: number;
  /** How far back a rule never evaluated before starts (hours; default BACKFILL_HOURS). */
  backfillHours?: number;
}

export interface ScheduledRunSummary {
  /** Every (rule, hour) evaluated, as `<rule>@<ISO hour>`. */
  evaluated: string[];
  findings: number;
  raised: number;
}

const tablesOf = (rule: ScheduledRule) => (rule.kind === "threshold" ? [rule.table] : ["cloudtrail"]);
/** How many hours after an event's hour still read it (the spans reach back two windows or one). */
const reachHours = (rule: ScheduledRule) =>
  Math.ceil(((rule.kind === "threshold" ? 2 : 1) * rule.windowMinutes * 60_000) / HOUR_MS);

/** Hours to evaluate for one rule: new complete hours, and evaluated ones that late data touched. */
export async function hoursToEvaluate(
  db: Queryable,
  rule: ScheduledRule,
  lastComplete: number,
  written: readonly string[],
  backfillHours = BACKFILL_HOURS,
): Promise<number[]> {
  const last = await lastEvaluatedHour(db, rule.id);
  const from = last === null ? lastComplete - (backfillHours - 1) * HOUR_MS : last + HOUR_MS;
  const hours = new Set<number>();
  for (let h = from; h <= lastComplete; h += HOUR_MS) hours.add(h);
  const evaluated = await listEvaluatedHours(db, rule.id, lastComplete - 30 * 24 * HOUR_MS);
  for (const w of written) {
    const [table, dt, hr] = w.split("/");
    if (!table || !tablesOf(rule).includes(table)) continue;
    const touched = Date.parse(`${dt}T${hr}:00:00Z`);
    for (let k = 0; k <= reachHours(rule); k++) {
      const h = touched + k * HOUR_MS;
      if (h <= lastComplete && evaluated.has(h)) hours.add(h);
    }
  }
  return [...hours].sort((a, b) => a - b);
}

/** Consecutive hours in batches of at most a day: one query reads a batch. */
export function batchesOf(hours: readonly number[], max = 24): number[][] {
  const out: number[][] = [];
  for (const h of hours) {
    const last = out.at(-1);
    if (last && h - (last.at(-1) as number) === HOUR_MS && last.length < max) last.push(h);
    else out.push([h]);
  }
  return out;
}

/** Runs one rule over a batch of consecutive hours: one query, then each hour's findings published. */
async function evaluateBatch(
  deps: ScheduledDeps,
  rule: ScheduledRule,
  hours: readonly number[],
  tuning: DetectionTuning,
): Promise<Map<number, LakeRow[]>> {
  const d = deps.lake.dialect;
  const first = { startMs: hours[0] as number };
  const toMs = (hours.at(-1) as number) + HOUR_MS;
  const q =
    rule.kind === "threshold"
      ? thresholdQuery(rule, d, { fromMs: thresholdSpan(rule, first).fromMs, toMs })
      : sequenceQuery(rule, d, { fromMs: sequenceSpan(rule, first).fromMs, toMs });
  const { rows } = await deps.lake.query(q.sql, q.params);
  // Exceptions drop their events before counting: an excepted principal never adds to a burst.
  const events = toKeyedEvents(rows, rule.kind === "threshold" ? rule.table : "cloudtrail").filter((e) =>
    allows(tuning, rule.id, factsOf(e.row), e.row),
  );
  const out = new Map<number, LakeRow[]>();
  for (const hour of hours) {
    const findings =
      rule.kind === "threshold"
        ? evaluateThreshold(rule, events, { startMs: hour })
        : evaluateSequence(rule, events, { startMs: hour });
    const stem = `det-${rule.id}-${new Date(hour).toISOString().slice(0, 13).replace(/[-:T]/g, "")}`;
    await publishEvaluation({ lake: deps.store, writer: deps.writer, stagingRoot: deps.stagingRoot, stem, findings });
    out.set(hour, findings);
  }
  return out;
}

/**
 * The scheduled rules over the lake (threshold and sequence): every complete hour once, and again
 * only when an object processed later wrote into a window that reads it. Findings of a (rule, hour)
 * replace that pair's previous ones, so re-running raises nothing new.
 */
export async function runScheduledDetections(deps: ScheduledDeps): Promise<ScheduledRunSummary> {
  const now = deps.now ?? Date.now();
  const lastComplete = Math.floor((now - SETTLE_MS) / HOUR_MS) * HOUR_MS - HOUR_MS;
  const written = await hoursWrittenSince(deps.db);
  const summary: ScheduledRunSummary = { evaluated: [], findings: 0, raised: 0 };
  const tuning = await loadTuning(deps.db);
  const rules = (deps.rules ?? SCHEDULED_RULES)
    .filter((r) => !tuning.disabled.includes(r.id))
    .map((r) => ({ ...r, severity: severityOf(tuning, r) }));
  for (const rule of rules) {
    const hours = await hoursToEvaluate(deps.db, rule, lastComplete, written.hours, deps.backfillHours);
    for (const batch of batchesOf(hours)) {
      for (const [hour, findings] of await evaluateBatch(deps, rule, batch, tuning)) {
        summary.raised += await raiseFindingEvents(deps.db, findings.map(findingEventOf));
        await recordEvaluation(deps.db, rule.id, hour, findings.length);
        summary.evaluated.push(`${rule.id}@${new Date(hour).toISOString()}`);
        summary.findings += findings.length;
      }
    }
  }
  if (written.until) await markObjectsSeen(deps.db, written.until);
  return summary;
}
