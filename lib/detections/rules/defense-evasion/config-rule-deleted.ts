import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, okFrom } from "./shared";

/** The request parameter naming what each call deletes. */
const NAME_PARAM: Record<string, string> = {
  DeleteConfigRule: "configRuleName",
  DeleteOrganizationConfigRule: "organizationConfigRuleName",
  DeleteConformancePack: "conformancePackName",
  DeleteOrganizationConformancePack: "organizationConformancePackName",
};

const deletedName = (e: TrailEvent) => e.param(NAME_PARAM[e.name] ?? "") || null;

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "config-rule-deleted",
  version: 1,
  title: "AWS Config rule or conformance pack deleted",
  severity: 3,
  description:
    "A Config rule or conformance pack (account or organization-wide) was deleted by a person or workload: the compliance check it ran no longer evaluates resources.",
  tactic: "defense-evasion",
  techniques: ["T1562.001"],
  events: Object.keys(NAME_PARAM),
  match: (e) => okFrom(e, "config.amazonaws.com"),
  resource: (e) => ({
    type: e.name.includes("ConformancePack") ? "AwsConfigConformancePack" : "AwsConfigRule",
    id: deletedName(e),
  }),
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "Which rules went, what they checked (encryption, public access, logging), and whether their resources turned non-compliant right after.",
      "Whether the deletion came from the team that owns compliance rules.",
    ],
    contain: ["Redeploy the rules from code and restrict config:DeleteConfigRule to the compliance pipeline role."],
    falsePositives: [
      "Rule clean-ups and conformance pack upgrades by the compliance team; add an exception for their pipeline role. Security Hub's own removals (service-linked role) are already ignored.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteConfigRule.html",
    "https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteConformancePack.html",
    "https://docs.aws.amazon.com/config/latest/APIReference/API_DeleteOrganizationConfigRule.html",
  ],
  fixtures: {
    fire: [
      apiCall("config.amazonaws.com", "DeleteConfigRule", { configRuleName: "cloudtrail-enabled" }),
      apiCall("config.amazonaws.com", "DeleteConformancePack", { conformancePackName: "cis-benchmark-pack" }),
    ],
    quiet: [
      apiCall("config.amazonaws.com", "DeleteConfigRule", { configRuleName: "cloudtrail-enabled" }, DENIED),
      apiCall(
        "config.amazonaws.com",
        "DeleteConfigRule",
        { configRuleName: "securityhub-cloud-trail-log-file-validation-enabled-3f2a9c" },
        {
          userIdentity: assumedRole("AWSServiceRoleForSecurityHub", "securityhub", {
            invokedBy: "securityhub.amazonaws.com",
          }),
          sourceIPAddress: "securityhub.amazonaws.com",
          userAgent: "securityhub.amazonaws.com",
        },
      ),
    ],
  },
};
