import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, asList, asObject, DENIED, firstText, okFrom } from "./shared";

const HUB = `arn:aws:securityhub:${FIXTURE.region}:${FIXTURE.account}`;
const CIS_SUBSCRIPTION = `${HUB}:subscription/cis-aws-foundations-benchmark/v/1.4.0`;
const FSBP = "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0";

function disables(e: TrailEvent): boolean {
  if (e.name === "BatchDisableStandards") return true;
  if (e.name === "UpdateStandardsControl") return e.param("controlStatus") === "DISABLED";
  return asList(e.req?.standardsControlAssociationUpdates).some((u) => asObject(u)?.associationStatus === "DISABLED");
}

const target = (e: TrailEvent): string | null =>
  firstText(e.req?.standardsSubscriptionArns) ??
  (e.param("standardsControlArn") ||
    firstText(asList(e.req?.standardsControlAssociationUpdates).map((u) => asObject(u)?.securityControlId)));

const hub = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("securityhub.amazonaws.com", eventName, params, more);

const association = (securityControlId: string, associationStatus: string) => ({
  standardsControlAssociationUpdates: [
    { standardsArn: FSBP, securityControlId, associationStatus, updatedReason: "not applicable" },
  ],
});

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "securityhub-checks-disabled",
  version: 1,
  title: "Security Hub standard or control disabled",
  severity: 3,
  description:
    "A Security Hub standard was unsubscribed or a control was disabled: its checks stop running and its open findings are archived, so the misconfiguration it watched can appear without a finding.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: ["BatchDisableStandards", "UpdateStandardsControl", "BatchUpdateStandardsControlAssociations"],
  match: (e) => okFrom(e, "securityhub.amazonaws.com") && disables(e),
  resource: (e) => ({ type: "AwsSecurityHubStandardOrControl", id: target(e) }),
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "Which standard or controls, and whether they cover logging, encryption or public access that changed around the same time.",
      "The disabled reason given, and whether the security team agreed to it.",
    ],
    contain: ["Re-enable the standard or controls and restrict these calls to the security team's role."],
    falsePositives: [
      "Turning off controls that do not apply (a region without the service, a duplicated CIS control); the security team should record these in code.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchDisableStandards.html",
    "https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_UpdateStandardsControl.html",
    "https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchUpdateStandardsControlAssociations.html",
  ],
  fixtures: {
    fire: [
      hub("BatchDisableStandards", { standardsSubscriptionArns: [CIS_SUBSCRIPTION] }),
      hub("UpdateStandardsControl", {
        standardsControlArn: `${HUB}:control/cis-aws-foundations-benchmark/v/1.4.0/3.1`,
        controlStatus: "DISABLED",
        disabledReason: "handled elsewhere",
      }),
      hub("BatchUpdateStandardsControlAssociations", association("CloudTrail.1", "DISABLED")),
    ],
    quiet: [
      hub("BatchUpdateStandardsControlAssociations", association("CloudTrail.1", "ENABLED")),
      hub("BatchDisableStandards", { standardsSubscriptionArns: [CIS_SUBSCRIPTION] }, DENIED),
    ],
  },
};
