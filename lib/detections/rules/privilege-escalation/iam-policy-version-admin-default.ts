import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call, grantsEverything, policyText } from "./shared";

const iam = call("iam");
const POLICY = "arn:aws:iam::111122223333:policy/ci-deploy";

const version = (policyDocument: string, setAsDefault: boolean, errorCode?: string) =>
  iam(
    "CreatePolicyVersion",
    { policyArn: POLICY, policyDocument, setAsDefault },
    {
      userIdentity: assumedRole("ci-deploy", "runner-42"),
      ...(errorCode
        ? { errorCode }
        : { responseElements: { policyVersion: { versionId: "v4", isDefaultVersion: setAsDefault } } }),
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "iam-policy-version-admin-default",
  version: 1,
  title: "Managed policy rewritten to grant *:* as its default version",
  severity: 5,
  description:
    'CreatePolicyVersion added a version that allows Action "*" on Resource "*" and made it the default at once: everyone the policy is attached to became an administrator, often the caller itself.',
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: ["CreatePolicyVersion"],
  match: (e) => e.ok && e.req?.setAsDefault === true && grantsEverything(e.req?.policyDocument),
  resource: (e) => ({ type: "AwsIamPolicy", id: e.param("policyArn") || null }),
  runbook: {
    check: [
      "Whether the policy is attached to the caller's own user or role (ListEntitiesForPolicy): rewriting one's own policy is a known escalation path.",
      "What the previous default version allowed (GetPolicyVersion) and who normally changes this policy.",
    ],
    contain: [
      "Set the previous version as default again (SetDefaultPolicyVersion) and delete the new version.",
      "Remove iam:CreatePolicyVersion from principals that are attached to the policies they can edit.",
    ],
    falsePositives: [
      "Rarely legitimate; infrastructure code that ships an admin policy should attach AdministratorAccess instead.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html",
  ],
  fixtures: {
    fire: [version(policyText("*"), true), version(encodeURIComponent(policyText(["*"], ["*"])), true)],
    quiet: [
      version(policyText(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::deploy-artifacts/*"), true),
      version(policyText("*"), true, "AccessDenied"),
    ],
  },
};
