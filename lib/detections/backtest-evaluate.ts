import type { LakeRow } from "@/lib/lake/tables";
import type { LakeParam, LakeQueryEngine, LakeQueryStats } from "@/lib/ports/lake-query";
import { BACKTEST_ROW_CAP, rowsQuery, toLakeRows } from "./backtest-rows";
import { hoursOf } from "./backtest-summary";
import { ALL_RULES } from "./catalog";
import { detectFlowEvents, detectTrailEvents } from "./evaluate-events";
import { evaluateSequence, sequenceSpan } from "./evaluate-sequence";
import { evaluateThreshold, HOUR_MS, thresholdSpan } from "./evaluate-threshold";
import { eventIdOf, trailSubject } from "./finding-row";
import type { FlowRule, ScheduledRule, TrailRule } from "./rule";
import { type KeyedEvent, toKeyedEvents } from "./scheduled-events";
import { sequenceQuery, thresholdQuery } from "./scheduled-query";
import type { CompiledSigmaRule } from "./sigma/types";
import { allows, type DetectionTuning, factsOf } from "./tuning";

export interface Span {
  fromMs: number;
  toMs: number;
}

/** What a rule would have raised over a span: its findings, the events they match (by id), and notes. */
export interface Evaluation {
  findings: LakeRow[];
  events: Map<string, LakeRow>;
  notes: string[];
  stats: LakeQueryStats[];
}

const capNote = `Only the first ${BACKTEST_ROW_CAP.toLocaleString("en-US")} matching rows were read: the counts are a lower bound. Backtest fewer days for exact numbers.`;

/** The tuning for one rule's backtest: every other rule off (so only this one raises), its exceptions kept, it on. */
export const onlyRule = (tuning: DetectionTuning, id: string): DetectionTuning => ({
  disabled: ALL_RULES.filter((r) => r.id !== id).map((r) => r.id),
  severity: {},
  exceptions: tuning.exceptions,
});

async function readRows(lake: LakeQueryEngine, q: { sql: string; params: LakeParam[] }) {
  const res = await lake.query<Record<string, unknown>>(q.sql, q.params);
  const capped = res.rows.length > BACKTEST_ROW_CAP;
  return { rows: toLakeRows(capped ? res.rows.slice(0, BACKTEST_ROW_CAP) : res.rows), capped, stats: res.stats };
}

const byId = (rows: readonly LakeRow[]) => new Map(rows.map((r) => [eventIdOf(r), r]));

/** A per-event CloudTrail rule over the rows with its event names ("*": the root user's), as the ETL runs it. */
export async function evaluateTrail(lake: LakeQueryEngine, rule: TrailRule, span: Span, tuning: DetectionTuning) {
  const names = rule.events.filter((n) => n !== "*");
  const parts = [
    ...(names.length ? [`event_name IN (${names.map(() => "?").join(", ")})`] : []),
    ...(rule.events.includes("*") ? ["user_type = 'Root'"] : []),
  ];
  const read = await readRows(
    lake,
    rowsQuery(lake.dialect, "cloudtrail", { sql: parts.join(" OR "), params: names }, span),
  );
  const findings = detectTrailEvents(read.rows, onlyRule(tuning, rule.id));
  return { findings, events: byId(read.rows), notes: read.capped ? [capNote] : [], stats: [read.stats] };
}

/** A VPC Flow rule over every flow record of the span. */
export async function evaluateFlow(lake: LakeQueryEngine, rule: FlowRule, span: Span, tuning: DetectionTuning) {
  const read = await readRows(lake, rowsQuery(lake.dialect, "vpcflow", { sql: "true", params: [] }, span));
  const findings = detectFlowEvents(read.rows, onlyRule(tuning, rule.id));
  return { findings, events: byId(read.rows), notes: read.capped ? [capNote] : [], stats: [read.stats] };
}

/** A Sigma rule: its SQL condition over CloudTrail, one finding per matching event the exceptions allow. */
export async function evaluateSigma(
  lake: LakeQueryEngine,
  rule: CompiledSigmaRule,
  span: Span,
  tuning: DetectionTuning,
): Promise<Evaluation> {
  const read = await readRows(
    lake,
    rowsQuery(lake.dialect, "cloudtrail", { sql: rule.where(lake.dialect), params: [] }, span),
  );
  const tuned = onlyRule(tuning, rule.id);
  const kept = read.rows.filter((row) => allows(tuned, rule.id, factsOf(row), row));
  const findings = kept.map((row) => {
    const s = trailSubject(row, rule.title);
    return {
      principal: s.principal,
      resource_id: s.resourceId,
      first_seen: Number(row.event_time),
      event_count: 1,
      matched_event_ids: [eventIdOf(row)],
    };
  });
  return { findings, events: byId(kept), notes: read.capped ? [capNote] : [], stats: [read.stats] };
}

/** The first index of a time-ordered list whose time is at least `t`. */
function firstAtOrAfter(events: readonly KeyedEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid] as KeyedEvent).t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One hour as the scheduler evaluates it: the events its own span reads, through the same evaluator. */
function evaluateHour(rule: ScheduledRule, sorted: readonly KeyedEvent[], startMs: number): LakeRow[] {
  const hour = { startMs };
  const span = rule.kind === "threshold" ? thresholdSpan(rule, hour) : sequenceSpan(rule, hour);
  const events = sorted.slice(firstAtOrAfter(sorted, span.fromMs), firstAtOrAfter(sorted, span.toMs));
  if (!events.length) return [];
  return rule.kind === "threshold" ? evaluateThreshold(rule, events, hour) : evaluateSequence(rule, events, hour);
}

/**
 * A threshold or sequence rule, hour by hour as the scheduler evaluates it (same query builder,
 * same evaluator, same exceptions, each hour over the events of its own span), publishing nothing.
 * The lake is read once for the union of the hours' spans.
 */
export async function evaluateScheduled(
  lake: LakeQueryEngine,
  rule: ScheduledRule,
  span: Span,
  tuning: DetectionTuning,
): Promise<Evaluation> {
  const hours = hoursOf(span);
  const first = { startMs: hours[0] ?? span.fromMs };
  const reach = {
    fromMs: (rule.kind === "threshold" ? thresholdSpan(rule, first) : sequenceSpan(rule, first)).fromMs,
    toMs: (hours.at(-1) ?? span.fromMs) + HOUR_MS,
  };
  const q =
    rule.kind === "threshold" ? thresholdQuery(rule, lake.dialect, reach) : sequenceQuery(rule, lake.dialect, reach);
  const res = await lake.query<Record<string, unknown>>(`${q.sql}\nLIMIT ${BACKTEST_ROW_CAP + 1}`, q.params);
  const capped = res.rows.length > BACKTEST_ROW_CAP;
  const tuned = onlyRule(tuning, rule.id);
  const events = toKeyedEvents(
    capped ? res.rows.slice(0, BACKTEST_ROW_CAP) : res.rows,
    rule.kind === "threshold" ? rule.table : "cloudtrail",
  )
    .filter((e) => allows(tuned, rule.id, factsOf(e.row), e.row))
    // Time order (then step, then id) keeps each key's events in the order the query gives them.
    .sort((a, b) => a.t - b.t || (a.step ?? 0) - (b.step ?? 0) || a.id.localeCompare(b.id));
  return {
    findings: hours.flatMap((h) => evaluateHour(rule, events, h)),
    events: new Map(events.map((e) => [e.id, e.row])),
    notes: capped ? [capNote] : [],
    stats: [res.stats],
  };
}
