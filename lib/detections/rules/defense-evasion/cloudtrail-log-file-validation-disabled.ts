import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { apiCall, DENIED, isOff, okFrom } from "./shared";

const TRAIL = `arn:aws:cloudtrail:${FIXTURE.region}:${FIXTURE.account}:trail/org-trail`;

const updateTrail = (params: Record<string, unknown>, more = {}) =>
  apiCall("cloudtrail.amazonaws.com", "UpdateTrail", { name: TRAIL, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudtrail-log-file-validation-disabled",
  version: 1,
  title: "CloudTrail log file validation turned off",
  severity: 4,
  description:
    "UpdateTrail set enableLogFileValidation to false: CloudTrail stops writing signed digest files, so log files deleted or edited in the bucket can no longer be proven tampered with.",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: ["UpdateTrail"],
  match: (e) => okFrom(e, "cloudtrail.amazonaws.com") && isOff(e.req?.enableLogFileValidation),
  resource: (e) => ({ type: "AwsCloudTrailTrail", id: e.param("name") || null }),
  runbook: {
    check: [
      "Which trail, who changed it and whether the change went through the usual infrastructure pipeline.",
      "Look for deletions or overwrites of objects in the trail's bucket after the change (S3 data events, bucket versioning history).",
    ],
    contain: [
      "Turn validation back on (UpdateTrail with EnableLogFileValidation) and run validate-logs over the period before the change.",
      "Protect the log bucket with versioning and Object Lock so log files cannot be rewritten.",
    ],
    falsePositives: [
      "Hardly ever routine; a template that omits the setting may reset it. Fix the template rather than adding an exception.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_UpdateTrail.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
  ],
  fixtures: {
    fire: [updateTrail({ enableLogFileValidation: false })],
    quiet: [
      updateTrail({ enableLogFileValidation: true }),
      updateTrail({ enableLogFileValidation: false }, DENIED),
      updateTrail({ snsTopicName: "trail-delivery" }),
    ],
  },
};
