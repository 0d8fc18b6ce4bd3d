import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call, grantsEverything, policyText } from "./shared";

const iam = call("iam");
const ADMIN_DOC = policyText("*");

/** Calls that write a whole policy document; a new default version has its own rule. */
const WRITES = ["PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "CreatePolicy", "CreatePolicyVersion"];

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "iam-policy-allows-everything",
  version: 1,
  title: "IAM policy grants *:*",
  severity: 5,
  description:
    'An inline or managed IAM policy was written with a statement that allows Action "*" on Resource "*": full administrator access for whoever holds it.',
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: WRITES,
  match: (e) =>
    e.ok &&
    !(e.name === "CreatePolicyVersion" && e.req?.setAsDefault === true) &&
    grantsEverything(e.req?.policyDocument),
  resource: (e) => {
    if (e.param("userName")) return { type: "AwsIamUser", id: e.param("userName") };
    if (e.param("roleName")) return { type: "AwsIamRole", id: e.param("roleName") };
    if (e.param("groupName")) return { type: "AwsIamGroup", id: e.param("groupName") };
    return { type: "AwsIamPolicy", id: e.param("policyArn") || e.param("policyName") || null };
  },
  runbook: {
    check: [
      "Which user, role, group or policy received the document, and who wrote it with which credentials.",
      "Whether the grantee is new or was changed shortly before, and what it did after the policy took effect.",
    ],
    contain: [
      "Delete the inline policy (DeleteUserPolicy, DeleteRolePolicy, DeleteGroupPolicy) or the policy version, and revoke the grantee's sessions.",
      "Check for other footholds the same caller left: access keys, login profiles, trust policy changes.",
    ],
    falsePositives: [
      "Break-glass roles defined in infrastructure code; attach the AdministratorAccess managed policy to them instead of writing *:* inline, or add an exception for the deploying role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutGroupPolicy.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html",
  ],
  fixtures: {
    fire: [
      iam("PutUserPolicy", { userName: "mallory", policyName: "ops", policyDocument: ADMIN_DOC }),
      iam(
        "PutRolePolicy",
        { roleName: "app-worker", policyName: "debug", policyDocument: encodeURIComponent(ADMIN_DOC) },
        { userIdentity: assumedRole("deployer", "ci-4711") },
      ),
      iam("PutGroupPolicy", {
        groupName: "support",
        policyName: "all",
        policyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: { Effect: "Allow", Action: ["s3:*", "*"], Resource: ["*"] },
        }),
      }),
      iam(
        "CreatePolicy",
        { policyName: "tooling", policyDocument: policyText("*:*") },
        {
          responseElements: {
            policy: { policyName: "tooling", arn: "arn:aws:iam::111122223333:policy/tooling", defaultVersionId: "v1" },
          },
        },
      ),
      iam("CreatePolicyVersion", {
        policyArn: "arn:aws:iam::111122223333:policy/tooling",
        policyDocument: ADMIN_DOC,
        setAsDefault: false,
      }),
    ],
    quiet: [
      iam("PutUserPolicy", { userName: "mallory", policyName: "read", policyDocument: policyText("s3:GetObject") }),
      iam("PutRolePolicy", { roleName: "app", policyName: "deny", policyDocument: policyText("*", "*", "Deny") }),
      iam(
        "PutUserPolicy",
        { userName: "mallory", policyName: "ops", policyDocument: ADMIN_DOC },
        {
          errorCode: "AccessDenied",
          userIdentity: iamUser("bob"),
        },
      ),
      iam("PutRolePolicy", {
        roleName: "app",
        policyName: "bucket",
        policyDocument: policyText("s3:*", "arn:aws:s3:::app-data/*"),
      }),
    ],
  },
};
