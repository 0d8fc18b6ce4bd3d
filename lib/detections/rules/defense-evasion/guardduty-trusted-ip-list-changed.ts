import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, isOff, okFrom } from "./shared";

const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
const LIST_URL = "https://s3.amazonaws.com/ops-shared-config/trusted-ips.txt";

/** A trusted list that is (or stays) active, or whose contents were repointed. */
const trustsNewAddresses = (e: TrailEvent) =>
  e.name === "CreateIPSet" ? !isOff(e.req?.activate) : e.req?.activate === true || e.param("location") !== "";

const ipSet = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("guardduty.amazonaws.com", eventName, { detectorId: DETECTOR, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "guardduty-trusted-ip-list-changed",
  version: 1,
  title: "GuardDuty trusted IP list created or changed",
  severity: 4,
  description:
    "CreateIPSet or UpdateIPSet activated or repointed a GuardDuty trusted IP list: GuardDuty raises no findings for traffic and API calls from the addresses on it, so an attacker's own addresses can be whitelisted.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: ["CreateIPSet", "UpdateIPSet"],
  match: (e) => okFrom(e, "guardduty.amazonaws.com") && trustsNewAddresses(e),
  resource: (e) => ({ type: "AwsGuardDutyIPSet", id: e.param("ipSetId") || e.param("name") || null }),
  runbook: {
    check: [
      "Read the list at the given S3 location: are the addresses your own egress and partner ranges, or unknown hosts?",
      "Who can write to that S3 object: whoever can edit it decides what GuardDuty ignores.",
    ],
    contain: [
      "Deactivate or delete the IP set and look for findings that would have been raised for its addresses (VPC Flow, CloudTrail source IPs).",
      "Keep the list in a bucket only the security team can write to.",
    ],
    falsePositives: [
      "The security team adding a new office or VPN range; expect it in a change record and add a short-lived exception.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateIPSet.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateIPSet.html",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_upload-lists.html",
  ],
  fixtures: {
    fire: [
      ipSet("CreateIPSet", { name: "office-ranges", format: "TXT", location: LIST_URL, activate: true }),
      ipSet("UpdateIPSet", { ipSetId: "0cb0141ab9fbde177613ab9436212e90", location: LIST_URL }),
    ],
    quiet: [
      ipSet("CreateIPSet", { name: "office-ranges", format: "TXT", location: LIST_URL, activate: false }),
      ipSet("CreateThreatIntelSet", { name: "bad-hosts", format: "TXT", location: LIST_URL, activate: true }),
      ipSet("CreateIPSet", { name: "office-ranges", format: "TXT", location: LIST_URL, activate: true }, DENIED),
    ],
  },
};
