import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { apiCall, DENIED, firstText, okFrom, perActorHourly } from "./shared";

const ALARMS = ["cis-3.1-unauthorized-api-calls", "cis-3.3-root-account-usage"];

const alarms = (eventName: string, alarmNames: string[], more = {}) =>
  apiCall("monitoring.amazonaws.com", eventName, { alarmNames }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudwatch-alarms-silenced",
  version: 1,
  title: "CloudWatch alarms deleted or their actions disabled",
  severity: 3,
  description:
    "DeleteAlarms or DisableAlarmActions by a person or workload: the alarms no longer notify anyone, which silences the security alarms built on CloudTrail metric filters (root use, IAM changes, failed sign-ins).",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: ["DeleteAlarms", "DisableAlarmActions"],
  match: (e) => okFrom(e, "monitoring.amazonaws.com"),
  resource: (e) => ({ type: "AwsCloudWatchAlarm", id: firstText(e.req?.alarmNames) }),
  dedup: perActorHourly,
  runbook: {
    check: [
      "Which alarms: security alarms (metric filters on the trail's log group) matter more than workload alarms.",
      "Whether the principal also changed what the alarms watched (trail, log group, metric filters).",
    ],
    contain: ["Recreate the alarms or re-enable their actions (EnableAlarmActions) from infrastructure code."],
    falsePositives: [
      "Stack teardowns and maintenance windows that mute alarms; add exceptions for the deploying roles. Alarms removed by AWS services for themselves (auto scaling) are already ignored.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAlarms.html",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DisableAlarmActions.html",
  ],
  fixtures: {
    fire: [alarms("DeleteAlarms", ALARMS), alarms("DisableAlarmActions", ALARMS.slice(0, 1))],
    quiet: [
      alarms("EnableAlarmActions", ALARMS),
      alarms("DeleteAlarms", ALARMS, DENIED),
      alarms("DeleteAlarms", ["TargetTracking-table/orders-AlarmHigh-5f1d3c2b"], {
        userIdentity: assumedRole("AWSServiceRoleForApplicationAutoScaling_DynamoDBTable", "AutoScaling", {
          invokedBy: "dynamodb.application-autoscaling.amazonaws.com",
        }),
        sourceIPAddress: "dynamodb.application-autoscaling.amazonaws.com",
        userAgent: "dynamodb.application-autoscaling.amazonaws.com",
      }),
    ],
  },
};
