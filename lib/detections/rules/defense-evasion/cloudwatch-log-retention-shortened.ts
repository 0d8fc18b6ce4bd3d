import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, okFrom } from "./shared";

/** Below a week, evidence of an intrusion is usually gone before anyone looks. */
const SHORTEST_SAFE_DAYS = 7;

const days = (e: TrailEvent): number | null => {
  const v = Number(e.req?.retentionInDays);
  return e.req?.retentionInDays === undefined || !Number.isFinite(v) ? null : v;
};

const retention = (retentionInDays: number, more = {}) =>
  apiCall("logs.amazonaws.com", "PutRetentionPolicy", { logGroupName: "/aws/vpc/flow-logs", retentionInDays }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudwatch-log-retention-shortened",
  version: 1,
  title: "CloudWatch log retention set below a week",
  severity: 3,
  description:
    "PutRetentionPolicy set a log group to keep events for fewer than 7 days: CloudWatch Logs deletes older events on its own, a quiet way to get logs erased.",
  tactic: "defense-evasion",
  techniques: ["T1070", "T1562.008"],
  events: ["PutRetentionPolicy"],
  match: (e) => {
    const d = days(e);
    return okFrom(e, "logs.amazonaws.com") && d !== null && d < SHORTEST_SAFE_DAYS;
  },
  resource: (e) => ({ type: "AwsLogsLogGroup", id: e.param("logGroupName") || null }),
  runbook: {
    check: [
      "Which log group and what it held; a security log group (CloudTrail, VPC Flow, DNS) at 1 day is a red flag.",
      "Whether the events are also archived elsewhere (S3 export, subscription to the SIEM).",
    ],
    contain: ["Set the retention back (PutRetentionPolicy) and export what is left before it expires."],
    falsePositives: [
      "Debug or load-test log groups kept short on purpose; add exceptions for their log group prefixes.",
    ],
  },
  references: ["https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html"],
  fixtures: {
    fire: [retention(1), retention(5)],
    quiet: [retention(7), retention(365), retention(1, DENIED)],
  },
};
