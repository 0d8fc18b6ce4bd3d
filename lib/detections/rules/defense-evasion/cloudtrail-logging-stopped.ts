import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const trailCall = (eventName: string, errorCode?: string) =>
  trailRecord({
    eventSource: "cloudtrail.amazonaws.com",
    eventName,
    requestParameters: { name: "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail" },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "cloudtrail-logging-stopped",
  version: 2,
  title: "CloudTrail logging stopped or trail deleted",
  severity: 5,
  description: "StopLogging or DeleteTrail blinds every detection that depends on CloudTrail.",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: ["StopLogging", "DeleteTrail"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsCloudTrailTrail", id: e.param("name") || null }),
  runbook: {
    check: [
      "Which trail, and whether another trail (an organization trail) still records the account.",
      "What the same principal did in the minutes before and after: attackers stop logging right before acting.",
    ],
    contain: [
      "Start logging again (StartLogging) or recreate the trail from infrastructure code.",
      "Deny cloudtrail:StopLogging and DeleteTrail outside the platform role with a service control policy.",
    ],
    falsePositives: ["Planned trail migrations; add an exception for the deploying role with an expiry."],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DeleteTrail.html",
  ],
  fixtures: {
    fire: [trailCall("StopLogging"), trailCall("DeleteTrail")],
    quiet: [trailCall("StartLogging"), trailCall("StopLogging", "AccessDenied")],
  },
};
