import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom, perActorHourly } from "./shared";

const GROUP = "/aws/cloudtrail/org-trail";

const logs = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("logs.amazonaws.com", eventName, { logGroupName: GROUP, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudwatch-logs-deleted",
  version: 1,
  title: "CloudWatch log group or log stream deleted",
  severity: 3,
  description:
    "DeleteLogGroup or DeleteLogStream permanently removed stored log events (application, VPC Flow, CloudTrail or Lambda logs), and with a group its metric filters and subscriptions.",
  tactic: "defense-evasion",
  techniques: ["T1070", "T1562.008"],
  events: ["DeleteLogGroup", "DeleteLogStream"],
  match: (e) => okFrom(e, "logs.amazonaws.com"),
  resource: (e) => ({ type: "AwsLogsLogGroup", id: e.param("logGroupName") || null }),
  dedup: perActorHourly,
  runbook: {
    check: [
      "Which log groups: security-relevant ones (CloudTrail, VPC Flow, Route 53 query logs, authentication logs) are the priority.",
      "Whether the deletion came with a stack deletion (CloudFormation, Terraform) or by hand.",
    ],
    contain: [
      "Recreate the group from code; the deleted events are gone, so recover what you can from other copies (S3 archives, the SIEM).",
      "Deny logs:DeleteLogGroup and DeleteLogStream on security log groups outside the platform role.",
    ],
    falsePositives: [
      "Stack teardowns and clean-ups of old Lambda log groups; add exceptions for the deploying roles, or for log group prefixes of test workloads.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html",
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogStream.html",
  ],
  fixtures: {
    fire: [logs("DeleteLogGroup", {}), logs("DeleteLogStream", { logStreamName: "111122223333_CloudTrail_us-east-1" })],
    quiet: [logs("DeleteLogGroup", {}, DENIED), logs("CreateLogStream", { logStreamName: "app-1" })],
  },
};
