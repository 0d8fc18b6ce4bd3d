import { iamUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

const attach = (policyArn: string, errorCode?: string) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName: "AttachUserPolicy",
    requestParameters: { userName: "mallory", policyArn },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "admin-policy-attached-to-user",
  version: 1,
  title: "AdministratorAccess attached to an IAM user",
  severity: 4,
  description:
    "The AWS managed AdministratorAccess policy was attached directly to an IAM user, giving it every permission in the account.",
  tactic: "privilege-escalation",
  techniques: ["T1098.003"],
  events: ["AttachUserPolicy"],
  match: (e) => e.ok && e.param("policyArn") === ADMIN_POLICY,
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Who attached it, from which address and with which credentials; was that principal itself created or changed shortly before?",
      "Whether the user is new (CreateUser, CreateLoginProfile, CreateAccessKey in the hours before).",
    ],
    contain: [
      "Detach the policy (DetachUserPolicy) and deactivate the user's access keys and console password.",
      "Review what the user did since the attachment in Activity.",
    ],
    falsePositives: [
      "Break-glass administrators set up by the platform team; grant admin through a role with MFA instead, or add an exception for that user with an expiry.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html"],
  fixtures: {
    fire: [attach(ADMIN_POLICY)],
    quiet: [
      attach("arn:aws:iam::aws:policy/ReadOnlyAccess"),
      attach(ADMIN_POLICY, "AccessDenied"),
      trailRecord({
        eventSource: "iam.amazonaws.com",
        eventName: "DetachUserPolicy",
        userIdentity: iamUser("platform"),
        requestParameters: { userName: "mallory", policyArn: ADMIN_POLICY },
      }),
    ],
  },
};
