import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { ADMIN_POLICY, call, grantsEverything, policyText } from "./shared";

const sso = call("sso");
const INSTANCE = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
const SET = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0a1b2c3d4e5f6789";
const admin = assumedRole("AWSReservedSSO_IdentityAdmin_0123456789abcdef", "kim@example.com");

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "sso-permission-set-granted-admin",
  version: 1,
  title: "IAM Identity Center permission set given administrator access",
  severity: 4,
  description:
    'An IAM Identity Center permission set received the AdministratorAccess managed policy or an inline policy allowing "*" on "*": every user or group assigned to it, in every account it is provisioned to, becomes an administrator.',
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: ["AttachManagedPolicyToPermissionSet", "PutInlinePolicyToPermissionSet"],
  match: (e) =>
    e.ok &&
    (e.name === "AttachManagedPolicyToPermissionSet"
      ? e.param("managedPolicyArn") === ADMIN_POLICY
      : grantsEverything(e.req?.inlinePolicy)),
  resource: (e) => ({ type: "AwsSsoPermissionSet", id: e.param("permissionSetArn") || null }),
  runbook: {
    check: [
      "Which users and groups are assigned the permission set in which accounts (ListAccountAssignments), and whether any were added recently.",
      "Whether the caller is assigned the permission set itself.",
    ],
    contain: [
      "Detach the policy or remove the inline policy, then re-provision the permission set (ProvisionPermissionSet) so the accounts pick up the change.",
    ],
    falsePositives: ["Setting up an administrator permission set on purpose; confirm with the identity team."],
  },
  references: [
    "https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_AttachManagedPolicyToPermissionSet.html",
    "https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutInlinePolicyToPermissionSet.html",
  ],
  fixtures: {
    fire: [
      sso(
        "AttachManagedPolicyToPermissionSet",
        { instanceArn: INSTANCE, permissionSetArn: SET, managedPolicyArn: ADMIN_POLICY },
        { userIdentity: admin },
      ),
      sso(
        "PutInlinePolicyToPermissionSet",
        { instanceArn: INSTANCE, permissionSetArn: SET, inlinePolicy: policyText("*") },
        { userIdentity: admin },
      ),
    ],
    quiet: [
      sso(
        "AttachManagedPolicyToPermissionSet",
        { instanceArn: INSTANCE, permissionSetArn: SET, managedPolicyArn: "arn:aws:iam::aws:policy/ViewOnlyAccess" },
        { userIdentity: admin },
      ),
      sso(
        "PutInlinePolicyToPermissionSet",
        { instanceArn: INSTANCE, permissionSetArn: SET, inlinePolicy: policyText("ec2:Describe*") },
        { userIdentity: admin },
      ),
      sso(
        "AttachManagedPolicyToPermissionSet",
        { instanceArn: INSTANCE, permissionSetArn: SET, managedPolicyArn: ADMIN_POLICY },
        { userIdentity: admin, errorCode: "AccessDeniedException" },
      ),
    ],
  },
};
