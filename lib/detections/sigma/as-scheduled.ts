import type { ThresholdRule } from "../rule";
import type { CompiledSigmaRule } from "./types";

/**
 * A Sigma rule as the scheduled engine runs it: its condition over each hour of CloudTrail, every
 * matching event raising, repeats by the same principal within an hour folded into one finding.
 */
export function sigmaAsScheduled(rule: CompiledSigmaRule): ThresholdRule {
  return {
    kind: "threshold",
    id: rule.id,
    version: 1,
    title: rule.title,
    severity: rule.severity,
    description: rule.description,
    tactic: rule.tactic ?? "discovery",
    techniques: rule.techniques,
    runbook: { check: [], contain: [], falsePositives: rule.falsePositives },
    references: rule.references,
    table: "cloudtrail",
    where: rule.where,
    key: () => "coalesce(user_arn, user_name, source_ip_address, '?')",
    threshold: 1,
    windowMinutes: 60,
    fixtures: { fire: { objects: [] }, quiet: { objects: [] } },
  };
}
