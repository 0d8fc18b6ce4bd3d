import type { LakeDialect } from "@/lib/ports/lake-query";
import { iamUser, trailRecord } from "../../fixtures";
import type { SequenceRule } from "../../rule";

const actor = iamUser("ops-admin");
/** Every step is about the same IAM user of the same account: the one named in the request. */
const target = (d: LakeDialect) =>
  `coalesce(recipient_account_id, '?') || ':' || ${d.jsonText("request_parameters", "$.userName")}`;
const named = (d: LakeDialect) => `${d.jsonText("request_parameters", "$.userName")} IS NOT NULL`;

const iam = (eventName: string, time: string, requestParameters: Record<string, unknown>) =>
  trailRecord({ eventSource: "iam.amazonaws.com", eventName, eventTime: time, userIdentity: actor, requestParameters });
const createUser = (time: string, userName: string) => iam("CreateUser", time, { userName });
const createKey = (time: string, userName: string) => iam("CreateAccessKey", time, { userName });
const attach = (time: string, userName: string) =>
  iam("AttachUserPolicy", time, { userName, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
const inline = (time: string, userName: string) =>
  iam("PutUserPolicy", time, {
    userName,
    policyName: "full",
    policyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    }),
  });

export const rule: SequenceRule = {
  kind: "sequence",
  id: "new-user-then-key-then-policy",
  version: 1,
  title: "Attack sequence: new IAM user, an access key for it, then a policy on it",
  severity: 4,
  description:
    "Within an hour, an IAM user was created, given an access key, and given permissions by a user policy: a fresh identity with long-term credentials, the usual way an intruder keeps access after the first credentials are revoked.",
  tactic: "persistence",
  techniques: ["T1136.003", "T1098.001", "T1098.003"],
  windowMinutes: 60,
  steps: [
    {
      title: "IAM user created",
      table: "cloudtrail",
      where: (d) => `event_name = 'CreateUser' AND error_code IS NULL AND ${named(d)}`,
      key: target,
    },
    {
      title: "Access key created for that user",
      table: "cloudtrail",
      where: (d) => `event_name = 'CreateAccessKey' AND error_code IS NULL AND ${named(d)}`,
      key: target,
    },
    {
      title: "Managed or inline policy put on that user",
      table: "cloudtrail",
      where: (d) => `event_name IN ('AttachUserPolicy', 'PutUserPolicy') AND error_code IS NULL AND ${named(d)}`,
      key: target,
    },
  ],
  runbook: {
    check: [
      "Who created the user, and whether a ticket or onboarding request names it; service users are normally created by your provisioning pipeline.",
      "Which policy the user received, and what the new access key has done since (Activity, filtered by the key).",
    ],
    contain: [
      "Deactivate the new access key, detach the user's policies, and review what else the creating principal did.",
    ],
    falsePositives: [
      "Manual set-up of a service user by an administrator; prefer roles to users with keys, or add an exception for the creating role of your provisioning tool.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html",
  ],
  fixtures: {
    // In order within 40 minutes, spread over two files.
    fire: {
      objects: [
        [createUser("2026-11-20T09:10:00Z", "backup-svc"), createKey("2026-11-20T09:18:00Z", "backup-svc")],
        [attach("2026-11-20T09:50:00Z", "backup-svc")],
      ],
    },
    quiet: {
      objects: [
        // Wrong order (policy first); then the right order over more than an hour.
        [
          inline("2026-11-20T06:10:00Z", "late-svc"),
          createUser("2026-11-20T06:20:00Z", "late-svc"),
          createKey("2026-11-20T06:30:00Z", "late-svc"),
        ],
        [
          createUser("2026-11-20T07:00:00Z", "slow-svc"),
          createKey("2026-11-20T07:30:00Z", "slow-svc"),
          attach("2026-11-20T08:05:00Z", "slow-svc"),
        ],
        // Each step for a different user.
        [
          createUser("2026-11-20T10:00:00Z", "svc-a"),
          createKey("2026-11-20T10:05:00Z", "svc-b"),
          attach("2026-11-20T10:10:00Z", "svc-c"),
        ],
      ],
    },
  },
};
