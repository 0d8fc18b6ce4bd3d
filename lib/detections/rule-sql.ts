import type { LakeDialect } from "@/lib/ports/lake-query";
import { sequenceSpan } from "./evaluate-sequence";
import { HOUR_MS, thresholdSpan } from "./evaluate-threshold";
import type { RegisteredRule } from "./rule-registry";
import { SETTLE_MS } from "./run-scheduled-detections";
import { sequenceQuery, thresholdQuery } from "./scheduled-query";

/** The last hour the scheduler would evaluate now (complete, and settled for late files). */
const lastCompleteHour = (now: number) => Math.floor((now - SETTLE_MS) / HOUR_MS) * HOUR_MS - HOUR_MS;

/**
 * The SQL a rule runs, in the engine's dialect, as the scheduler sends it for its latest hour
 * (values travel as `?` parameters: the hour's bounds). Per-event rules run in the ETL, not as SQL.
 */
export function ruleSql(rule: RegisteredRule, d: LakeDialect, now = Date.now()): string | null {
  const hour = { startMs: lastCompleteHour(now) };
  const { source } = rule;
  if (source.kind === "sigma")
    return `SELECT * FROM ${d.table("cloudtrail")}\nWHERE dt BETWEEN ? AND ? AND event_time >= ${d.msToTimestamp("?")} AND event_time < ${d.msToTimestamp("?")}\n  AND (${source.rule.where(d)})`;
  const r = source.rule;
  if (r.kind === "threshold") return thresholdQuery(r, d, thresholdSpan(r, hour)).sql;
  if (r.kind === "sequence") return sequenceQuery(r, d, sequenceSpan(r, hour)).sql;
  return null;
}
