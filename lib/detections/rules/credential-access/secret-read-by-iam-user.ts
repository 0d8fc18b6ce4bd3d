import { assumedRole, iamUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/billing/db-AbCdEf";

const read = (userIdentity: Record<string, unknown>, eventName = "GetSecretValue", errorCode?: string) =>
  trailRecord({
    eventSource: "secretsmanager.amazonaws.com",
    eventName,
    userIdentity,
    requestParameters: eventName === "BatchGetSecretValue" ? { secretIdList: [SECRET] } : { secretId: SECRET },
    readOnly: true,
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "secret-read-by-iam-user",
  version: 1,
  title: "Secrets Manager secret read with an IAM user's credentials",
  severity: 3,
  description:
    "An IAM user (long-term credentials, not a workload role) read a secret's value. Applications read secrets through roles; a user doing it is often a person, or a leaked access key, harvesting credentials.",
  tactic: "credential-access",
  techniques: ["T1555.006"],
  events: ["GetSecretValue", "BatchGetSecretValue"],
  match: (e) => e.ok && e.userType === "IAMUser",
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => {
    const list = e.req?.secretIdList;
    const first = Array.isArray(list) && list.length === 1 ? list[0] : null;
    return { type: "AwsSecretsManagerSecret", id: e.param("secretId") || (typeof first === "string" ? first : null) };
  },
  runbook: {
    check: [
      "Which secrets the user read (the finding's events) and whether the user and the source address usually touch them.",
      "Whether the access key is used from unusual places, or other secrets were listed first (ListSecrets).",
    ],
    contain: ["Rotate the secrets that were read, then deactivate the user's access key if the reads were not theirs."],
    falsePositives: [
      "Legacy applications running with an IAM user's key, and people fetching a secret by hand; move applications to roles and add an exception for named users with an expiry.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html",
    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html",
  ],
  fixtures: {
    fire: [read(iamUser("ivan")), read(iamUser("ivan"), "BatchGetSecretValue")],
    quiet: [
      read(assumedRole("billing-api", "i-0a1b2c3d4e5f67890")),
      read(iamUser("ivan"), "GetSecretValue", "AccessDeniedException"),
      read(iamUser("ivan"), "DescribeSecret"),
    ],
  },
};
