import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, okFrom } from "./shared";

/** The AWS managed policy that allows everything: detaching it restricts, it does not remove a guardrail. */
const ALLOW_ALL = "p-FullAWSAccess";
const POLICY = "p-examplepolicyid111";

const removesGuardrail = (e: TrailEvent) => e.param("policyId") !== ALLOW_ALL;

const org = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("organizations.amazonaws.com", eventName, params, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "organizations-scp-removed",
  version: 1,
  title: "Organizations policy detached or deleted",
  severity: 4,
  description:
    "DetachPolicy or DeletePolicy in AWS Organizations removed a policy from a root, OU or account: when it is a service control policy, the guardrails it enforced (deny leaving the organization, deny disabling CloudTrail or GuardDuty, region limits) no longer apply.",
  tactic: "defense-evasion",
  techniques: ["T1484", "T1562.001"],
  events: ["DetachPolicy", "DeletePolicy"],
  match: (e) => okFrom(e, "organizations.amazonaws.com") && removesGuardrail(e),
  resource: (e) => ({ type: "AwsOrganizationsPolicy", id: e.param("policyId") || null }),
  runbook: {
    check: [
      "Which policy (DescribePolicy: its type and statements) and which targets it protected.",
      "What the principal, or principals in the affected accounts, did next that the policy used to deny.",
    ],
    contain: [
      "Attach the policy again (AttachPolicy) from the organization's policy code.",
      "Keep Organizations administration in the management account to a small, MFA-protected role.",
    ],
    falsePositives: [
      "Policy restructuring by the cloud platform team (replacing one SCP with another); expect an AttachPolicy nearby and add a short-lived exception.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/organizations/latest/APIReference/API_DetachPolicy.html",
    "https://docs.aws.amazon.com/organizations/latest/APIReference/API_DeletePolicy.html",
  ],
  fixtures: {
    fire: [
      org("DetachPolicy", { policyId: POLICY, targetId: "ou-examplerootid111-exampleouid111" }),
      org("DeletePolicy", { policyId: POLICY }),
    ],
    quiet: [
      org("DetachPolicy", { policyId: ALLOW_ALL, targetId: "ou-examplerootid111-exampleouid111" }),
      org("AttachPolicy", { policyId: POLICY, targetId: "ou-examplerootid111-exampleouid111" }),
      org("DetachPolicy", { policyId: POLICY, targetId: "111122223333" }, DENIED),
    ],
  },
};
