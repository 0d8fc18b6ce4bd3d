import type { TrailRule } from "../../rule";
import { apiCall, DENIED, okFrom } from "./shared";

const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
const CRITERIA = {
  criterion: { type: { eq: ["UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"] } },
};

const filter = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("guardduty.amazonaws.com", eventName, { detectorId: DETECTOR, findingCriteria: CRITERIA, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "guardduty-findings-auto-archived",
  version: 1,
  title: "GuardDuty suppression rule auto-archives findings",
  severity: 3,
  description:
    "CreateFilter or UpdateFilter set a GuardDuty filter's action to ARCHIVE: every new finding matching its criteria is archived on arrival and never reaches the findings view, Security Hub or EventBridge consumers that skip archived findings.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: ["CreateFilter", "UpdateFilter"],
  match: (e) => okFrom(e, "guardduty.amazonaws.com") && e.param("action") === "ARCHIVE",
  resource: (e) => ({ type: "AwsGuardDutyFilter", id: e.param("name") || e.param("filterName") || null }),
  runbook: {
    check: [
      "What the criteria match: a broad finding type, a specific instance, IP or principal that is also active right now is the worrying case.",
      "Whether the security team asked for this suppression (a ticket, a known noisy scanner).",
    ],
    contain: [
      "Delete the filter or set its action to NOOP, then review findings archived since it was created.",
      "Limit guardduty:CreateFilter and UpdateFilter to the security team.",
    ],
    falsePositives: [
      "Tuning by the security team for known scanners or expected behaviour; they should record suppressions in code so the change is reviewed.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateFilter.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateFilter.html",
    "https://docs.aws.amazon.com/guardduty/latest/ug/findings_suppression-rule.html",
  ],
  fixtures: {
    fire: [
      filter("CreateFilter", { name: "quiet-cred-alerts", action: "ARCHIVE", rank: 1 }),
      filter("UpdateFilter", { filterName: "saved-view", action: "ARCHIVE" }),
    ],
    quiet: [
      filter("CreateFilter", { name: "prod-high-severity", action: "NOOP", rank: 1 }),
      filter("CreateFilter", { name: "quiet-cred-alerts", action: "ARCHIVE", rank: 1 }, DENIED),
    ],
  },
};
