import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom, perActorHourly } from "./shared";

const events = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("events.amazonaws.com", eventName, params, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "eventbridge-rule-disabled",
  version: 1,
  title: "EventBridge rule disabled or deleted",
  severity: 3,
  description:
    "DisableRule or DeleteRule by a person or workload: events the rule matched (GuardDuty findings, CloudTrail changes, Config compliance) no longer reach its targets, which cuts alerting and automatic remediation built on EventBridge.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: ["DisableRule", "DeleteRule"],
  match: (e) => okFrom(e, "events.amazonaws.com"),
  resource: (e) => ({ type: "AwsEventsRule", id: e.param("name") || null }),
  dedup: perActorHourly,
  runbook: {
    check: [
      "What the rule routed and to whom: security alerting and remediation rules matter most (GuardDuty, Security Hub, CloudTrail patterns).",
      "Whether it was part of a deployment (CloudFormation, Terraform) or done by hand.",
    ],
    contain: [
      "Enable the rule again (EnableRule) or redeploy it, and restrict events:DisableRule / DeleteRule on security rules.",
    ],
    falsePositives: [
      "Deployments that replace rules and scheduled jobs paused for maintenance; add exceptions for the deploying roles. Rules managed by AWS services for themselves are already ignored.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DisableRule.html",
    "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DeleteRule.html",
  ],
  fixtures: {
    fire: [
      events("DisableRule", { name: "guardduty-findings-to-pagerduty" }),
      events("DeleteRule", { name: "auto-remediate-public-buckets", force: false }),
    ],
    quiet: [
      events("EnableRule", { name: "guardduty-findings-to-pagerduty" }),
      events("DisableRule", { name: "guardduty-findings-to-pagerduty" }, DENIED),
      apiCall("elasticloadbalancing.amazonaws.com", "DeleteRule", {
        ruleArn:
          "arn:aws:elasticloadbalancing:us-east-1:111122223333:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee",
      }),
    ],
  },
};
