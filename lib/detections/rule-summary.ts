import type { RuleException, RuleSummary } from "@/lib/schemas/detections";
import type { RegisteredRule } from "./rule-registry";
import type { RuleSetting } from "./rule-settings-store";
import type { RuleHitStats } from "./rule-stats";

const NO_HITS: RuleHitStats = { hits24h: 0, hits7d: 0, lastFiredMs: null, findings30d: 0, falsePositives30d: 0 };

/** A rule as the list shows it: its settings in force, its findings' numbers and its active exceptions. */
export function summaryOf(
  rule: RegisteredRule,
  setting: RuleSetting | undefined,
  exceptions: readonly RuleException[],
  hits: RuleHitStats = NO_HITS,
): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    kind: rule.kind,
    severity: setting?.severity ?? rule.severity,
    defaultSeverity: rule.severity,
    tactic: rule.tactic,
    techniques: rule.techniques,
    enabled: setting?.enabled ?? rule.enabledByDefault,
    enabledByDefault: rule.enabledByDefault,
    hits24h: hits.hits24h,
    hits7d: hits.hits7d,
    lastFired: hits.lastFiredMs === null ? null : new Date(hits.lastFiredMs).toISOString(),
    findings30d: hits.findings30d,
    falsePositives30d: hits.falsePositives30d,
    falsePositiveShare: hits.findings30d ? hits.falsePositives30d / hits.findings30d : null,
    exceptions: exceptions.filter((x) => x.ruleId === rule.id && x.active),
  };
}
