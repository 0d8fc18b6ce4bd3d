import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom } from "./shared";

const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
const DESTINATION = "a4b6d8f0e2c4a6b8d0f2e4c6a8b0d2f4";

const destination = (eventName: string, more = {}) =>
  apiCall("guardduty.amazonaws.com", eventName, { detectorId: DETECTOR, destinationId: DESTINATION }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "guardduty-publishing-destination-deleted",
  version: 1,
  title: "GuardDuty findings export deleted",
  severity: 3,
  description:
    "DeletePublishingDestination removed the S3 export of GuardDuty findings: findings stop reaching the archive bucket and anything that reads them from there, and GuardDuty itself keeps them only 90 days.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: ["DeletePublishingDestination"],
  match: (e) => okFrom(e, "guardduty.amazonaws.com"),
  resource: (e) => ({ type: "AwsGuardDutyPublishingDestination", id: e.param("destinationId") || null }),
  runbook: {
    check: [
      "Which detector and region, and whether a new destination was created right after (a planned move) or not.",
      "Which findings were raised in that region since: they may now exist only in GuardDuty itself.",
    ],
    contain: ["Recreate the destination (CreatePublishingDestination) to the archive bucket and KMS key."],
    falsePositives: ["Moving the export to a new bucket or key; expect a CreatePublishingDestination within minutes."],
  },
  references: [
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeletePublishingDestination.html",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html",
  ],
  fixtures: {
    fire: [destination("DeletePublishingDestination")],
    quiet: [
      destination("DeletePublishingDestination", DENIED),
      destination("DescribePublishingDestination", { readOnly: true }),
    ],
  },
};
