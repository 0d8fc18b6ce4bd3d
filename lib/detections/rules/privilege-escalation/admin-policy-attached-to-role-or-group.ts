import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { ADMIN_POLICY, call } from "./shared";

const iam = call("iam");

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "admin-policy-attached-to-role-or-group",
  version: 1,
  title: "AdministratorAccess attached to an IAM role or group",
  severity: 4,
  description:
    "The AWS managed AdministratorAccess policy was attached to an IAM role or group: every session of the role, or every member of the group, can now do anything in the account.",
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: ["AttachRolePolicy", "AttachGroupPolicy"],
  match: (e) => e.ok && e.param("policyArn") === ADMIN_POLICY,
  resource: (e) =>
    e.name === "AttachGroupPolicy"
      ? { type: "AwsIamGroup", id: e.param("groupName") || null }
      : { type: "AwsIamRole", id: e.param("roleName") || null },
  runbook: {
    check: [
      "Who can assume the role (its trust policy) or who is in the group (GetGroup); an outside principal there makes this urgent.",
      "Whether the caller can assume the role or is a member of the group: that is the escalation.",
    ],
    contain: [
      "Detach the policy (DetachRolePolicy or DetachGroupPolicy) and revoke the role's active sessions.",
      "Review what the role or the group's members did since the attachment.",
    ],
    falsePositives: [
      "Administrator roles created by infrastructure code or an account vending pipeline; add an exception for the pipeline's role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachGroupPolicy.html",
  ],
  fixtures: {
    fire: [
      iam("AttachRolePolicy", { roleName: "app-worker", policyArn: ADMIN_POLICY }, { userIdentity: iamUser("eve") }),
      iam(
        "AttachGroupPolicy",
        { groupName: "contractors", policyArn: ADMIN_POLICY },
        { userIdentity: assumedRole("ops", "carol") },
      ),
    ],
    quiet: [
      iam("AttachRolePolicy", { roleName: "app-worker", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
      iam("AttachGroupPolicy", { groupName: "contractors", policyArn: ADMIN_POLICY }, { errorCode: "AccessDenied" }),
      iam("DetachRolePolicy", { roleName: "app-worker", policyArn: ADMIN_POLICY }),
    ],
  },
};
