import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, asObject, DENIED, isOff, okFrom } from "./shared";

const DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";

/** Somewhere in a features / dataSources value, a protection is switched off. */
function switchesOff(v: unknown, depth = 0): boolean {
  if (depth > 6) return false;
  if (Array.isArray(v)) return v.some((x) => switchesOff(x, depth + 1));
  const o = asObject(v);
  if (!o) return false;
  if (o.status === "DISABLED" || isOff(o.enable) || isOff(o.ebsVolumes)) return true;
  return Object.values(o).some((x) => switchesOff(x, depth + 1));
}

/** Malware scans now skip resources by tag: whoever can tag an instance can keep it out of scans. */
const excludesByTag = (e: TrailEvent) =>
  Object.keys(asObject(asObject(e.req?.scanResourceCriteria)?.exclude) ?? {}).length > 0;

function weakens(e: TrailEvent): boolean {
  if (e.name === "UpdateMalwareScanSettings") return excludesByTag(e);
  // A detector switched off entirely is guardduty-disabled's finding.
  if (e.name === "UpdateDetector" && isOff(e.req?.enable)) return false;
  return switchesOff(e.req?.features) || switchesOff(e.req?.dataSources);
}

const gd = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("guardduty.amazonaws.com", eventName, { detectorId: DETECTOR, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "guardduty-protection-plan-disabled",
  version: 1,
  title: "GuardDuty protection plan turned off",
  severity: 3,
  description:
    "The detector stays on, but a protection plan was switched off (S3, EKS, runtime monitoring, malware scanning, RDS or Lambda protection) for the account or its members, or malware scans were told to skip tagged resources.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: ["UpdateDetector", "UpdateMemberDetectors", "UpdateMalwareScanSettings"],
  match: (e) => okFrom(e, "guardduty.amazonaws.com") && weakens(e),
  resource: (e) => ({ type: "AwsGuardDutyDetector", id: e.param("detectorId") || null }),
  runbook: {
    check: [
      "Which plans were turned off and for which accounts, and what those plans watched (S3 data events, EKS audit logs, instance runtime, volumes).",
      "Whether cost-saving changes to GuardDuty were agreed with the security team.",
    ],
    contain: [
      "Turn the plans back on (UpdateDetector / UpdateMemberDetectors features ENABLED) and remove tag exclusions.",
    ],
    falsePositives: [
      "Cost reviews that drop a plan for accounts without the matching workload (no EKS, no RDS); record them and add an exception for the security team's role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateDetector.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateMemberDetectors.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateMalwareScanSettings.html",
  ],
  fixtures: {
    fire: [
      gd("UpdateDetector", { features: [{ name: "RUNTIME_MONITORING", status: "DISABLED" }] }),
      gd("UpdateMemberDetectors", { accountIds: ["444455556666"], dataSources: { s3Logs: { enable: false } } }),
      gd("UpdateMalwareScanSettings", {
        scanResourceCriteria: { exclude: { EC2_INSTANCE_TAG: { mapEquals: [{ key: "scan", value: "skip" }] } } },
      }),
    ],
    quiet: [
      gd("UpdateDetector", { features: [{ name: "EKS_AUDIT_LOGS", status: "ENABLED" }] }),
      gd("UpdateMalwareScanSettings", { ebsSnapshotPreservation: "RETENTION_WITH_FINDING" }),
      gd("UpdateDetector", { features: [{ name: "S3_DATA_EVENTS", status: "DISABLED" }] }, DENIED),
    ],
  },
};
