import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom } from "./shared";

const subscription = (eventName: string, more = {}) =>
  apiCall(
    "logs.amazonaws.com",
    eventName,
    { logGroupName: "/aws/cloudtrail/org-trail", filterName: "to-siem-firehose" },
    more,
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudwatch-log-subscription-filter-deleted",
  version: 1,
  title: "CloudWatch Logs subscription filter deleted",
  severity: 3,
  description:
    "DeleteSubscriptionFilter stopped a log group streaming its events to another destination (Kinesis, Firehose, Lambda, a SIEM or a central logging account): events keep arriving in the group but no longer leave it.",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: ["DeleteSubscriptionFilter"],
  match: (e) => okFrom(e, "logs.amazonaws.com"),
  resource: (e) => ({ type: "AwsLogsLogGroup", id: e.param("logGroupName") || null }),
  runbook: {
    check: [
      "Which log group and where its filter sent events; a feed to the SIEM or the central log account matters most.",
      "Whether a new filter was put on the group right after (a planned change) or not.",
    ],
    contain: ["Recreate the subscription filter (PutSubscriptionFilter) and backfill the gap from the log group."],
    falsePositives: ["Pipeline changes that replace a filter; expect a PutSubscriptionFilter within minutes."],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteSubscriptionFilter.html",
  ],
  fixtures: {
    fire: [subscription("DeleteSubscriptionFilter")],
    quiet: [subscription("DeleteSubscriptionFilter", DENIED), subscription("DeleteMetricFilter")],
  },
};
