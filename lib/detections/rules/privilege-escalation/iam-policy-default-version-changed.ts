import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "./shared";

const iam = call("iam");
const POLICY = "arn:aws:iam::111122223333:policy/support-tools";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "iam-policy-default-version-changed",
  version: 1,
  title: "Managed policy switched to another stored version",
  severity: 3,
  description:
    "SetDefaultPolicyVersion made an older or unused version of a customer managed policy the one in force. A policy keeps up to five versions; switching back to a broader one escalates everyone it is attached to without writing a new document.",
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: ["SetDefaultPolicyVersion"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsIamPolicy", id: e.param("policyArn") || null }),
  runbook: {
    check: [
      "Compare the now-default version with the one it replaced (GetPolicyVersion) and see who the policy is attached to.",
      "Whether the caller is attached to the policy itself.",
    ],
    contain: [
      "Set the intended version back as default and delete versions that should not be kept (DeletePolicyVersion).",
    ],
    falsePositives: [
      "Rollbacks by the platform team after a bad deploy; confirm with them and add an exception for their role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetDefaultPolicyVersion.html"],
  fixtures: {
    fire: [iam("SetDefaultPolicyVersion", { policyArn: POLICY, versionId: "v2" }, { userIdentity: iamUser("dave") })],
    quiet: [
      iam("SetDefaultPolicyVersion", { policyArn: POLICY, versionId: "v2" }, { errorCode: "AccessDenied" }),
      iam("GetPolicyVersion", { policyArn: POLICY, versionId: "v2" }, { readOnly: true }),
      iam("DeletePolicyVersion", { policyArn: POLICY, versionId: "v1" }),
    ],
  },
};
