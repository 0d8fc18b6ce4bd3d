import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, isOff, okFrom } from "./shared";

const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";

/** Calls that switch GuardDuty off for an account, or cut the account off from its administrator. */
const ALWAYS = [
  "DeleteDetector",
  "DisassociateFromMasterAccount",
  "DisassociateFromAdministratorAccount",
  "StopMonitoringMembers",
];

const turnsOff = (e: TrailEvent) => ALWAYS.includes(e.name) || (e.name === "UpdateDetector" && isOff(e.req?.enable));

const gd = (eventName: string, params: Record<string, unknown> = {}, more = {}) =>
  apiCall("guardduty.amazonaws.com", eventName, { detectorId: DETECTOR, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "guardduty-disabled",
  version: 1,
  title: "GuardDuty disabled",
  severity: 4,
  description:
    "A GuardDuty detector was deleted or suspended, an account left its GuardDuty administrator, or the administrator stopped monitoring member accounts: threat detection is off for those accounts.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: [...ALWAYS, "UpdateDetector"],
  match: (e) => okFrom(e, "guardduty.amazonaws.com") && turnsOff(e),
  resource: (e) => ({ type: "AwsGuardDutyDetector", id: e.param("detectorId") || null }),
  runbook: {
    check: [
      "Which detector or member accounts, in which region, and whether the principal normally manages GuardDuty.",
      "What else the principal did in the following hour: detection is usually turned off just before the noisy part.",
    ],
    contain: [
      "Re-enable the detector (UpdateDetector enable true, or CreateDetector) and re-associate members from the administrator account.",
      "Deny guardduty:DeleteDetector, UpdateDetector and Disassociate* outside the security team with a service control policy.",
    ],
    falsePositives: [
      "Closing an account or moving GuardDuty administration to another account; add a short-lived exception for that change.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeleteDetector.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DisassociateFromAdministratorAccount.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_StopMonitoringMembers.html",
  ],
  fixtures: {
    fire: [
      gd("DeleteDetector"),
      gd("UpdateDetector", { enable: false }),
      gd("DisassociateFromAdministratorAccount"),
      gd("StopMonitoringMembers", { accountIds: ["444455556666"] }),
    ],
    quiet: [
      gd("UpdateDetector", { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" }),
      gd("DeleteDetector", {}, DENIED),
      gd("StartMonitoringMembers", { accountIds: ["444455556666"] }),
    ],
  },
};
