import { iamUser, type TrailFixture, trailRecord } from "../../fixtures";
import type { SequenceRule } from "../../rule";

const principal = () => "coalesce(user_arn, principal_id)";
const CLI = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64";
const POLICY = "arn:aws:iam::111122223333:policy/app-deploy";

const iam = (
  eventName: string,
  t: string,
  who: string,
  req: Record<string, unknown> | null,
  extra: Partial<TrailFixture> = {},
) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName,
    eventTime: t,
    userIdentity: iamUser(who),
    requestParameters: req,
    userAgent: CLI,
    ...extra,
  });
const listAttached = (t: string, who: string, userAgent = CLI) =>
  iam("ListAttachedUserPolicies", t, who, { userName: who }, { readOnly: true, userAgent });
const authDetails = (t: string, who: string) =>
  iam("GetAccountAuthorizationDetails", t, who, { filter: ["User", "Role", "LocalManagedPolicy"] }, { readOnly: true });
const newVersion = (t: string, who: string) =>
  iam("CreatePolicyVersion", t, who, {
    policyArn: POLICY,
    setAsDefault: true,
    policyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    }),
  });
const attach = (t: string, who: string, errorCode?: string) =>
  iam(
    "AttachUserPolicy",
    t,
    who,
    { userName: who, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    errorCode ? { errorCode } : {},
  );

export const rule: SequenceRule = {
  kind: "sequence",
  id: "permissions-enumerated-then-iam-escalation",
  version: 1,
  title: "Attack sequence: own permissions enumerated, then IAM policy escalation",
  severity: 4,
  description:
    "Within 30 minutes, one principal listed IAM authorization details or a user's attached policies outside the console, then created a policy version or put a policy on a user: looking up what it may change, then granting itself more.",
  tactic: "privilege-escalation",
  techniques: ["T1069.003", "T1087.004", "T1098.003"],
  windowMinutes: 30,
  steps: [
    {
      title: "IAM authorization details or attached user policies listed",
      table: "cloudtrail",
      // The IAM console lists a user's policies on every visit of the user's page: only programmatic lists count.
      where: () =>
        "event_name = 'GetAccountAuthorizationDetails' OR (event_name = 'ListAttachedUserPolicies' AND lower(coalesce(user_agent, '')) NOT LIKE '%console%' AND coalesce(user_agent, '') <> 'AWS Internal')",
      key: principal,
    },
    {
      title: "Policy version created, or policy attached or put on a user",
      table: "cloudtrail",
      where: () => "event_name IN ('CreatePolicyVersion', 'AttachUserPolicy', 'PutUserPolicy') AND error_code IS NULL",
      key: principal,
    },
  ],
  runbook: {
    check: [
      "Which policy changed and what it grants now; whether the principal gave the permissions to itself.",
      "Whether the principal is an administrator or pipeline that manages IAM, and whether the change matches a request.",
    ],
    contain: [
      "Revert the policy (set the previous version as default and delete the new one, or detach it) and disable the principal's credentials.",
    ],
    falsePositives: [
      "IAM automation that reads the current state before applying changes (Terraform, CloudFormation drift checks); add an exception for its role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedUserPolicies.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html",
  ],
  fixtures: {
    // Listing, then a new default policy version 16 minutes later, over two files.
    fire: { objects: [[listAttached("2026-11-20T10:05:00Z", "frank")], [newVersion("2026-11-20T10:21:00Z", "frank")]] },
    quiet: {
      objects: [
        // Wrong order; then the right order but 35 minutes apart.
        [attach("2026-11-20T06:30:00Z", "gina"), authDetails("2026-11-20T06:40:00Z", "gina")],
        [authDetails("2026-11-20T07:00:00Z", "hugo"), attach("2026-11-20T07:35:00Z", "hugo")],
        // Listing in the console before attaching; a refused attach; two principals.
        [listAttached("2026-11-20T08:00:00Z", "iris", "AWS Internal"), attach("2026-11-20T08:05:00Z", "iris")],
        [authDetails("2026-11-20T09:00:00Z", "jack"), attach("2026-11-20T09:05:00Z", "jack", "AccessDenied")],
        [authDetails("2026-11-20T10:00:00Z", "kate"), newVersion("2026-11-20T10:10:00Z", "liam")],
      ],
    },
  },
};
