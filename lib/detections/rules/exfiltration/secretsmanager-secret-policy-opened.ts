import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { allowsEveryone, foreignPrincipalAccounts, policyOf } from "./shared";

const SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/payments/db-AbCdEf";

const putPolicy = (principal: unknown, errorCode?: string) =>
  trailRecord({
    eventSource: "secretsmanager.amazonaws.com",
    eventName: "PutResourcePolicy",
    requestParameters: {
      secretId: SECRET,
      resourcePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: principal, Action: "secretsmanager:GetSecretValue", Resource: "*" }],
      }),
      blockPublicPolicy: false,
    },
    responseElements: errorCode ? null : { arn: SECRET, name: "prod/payments/db" },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "secretsmanager-secret-policy-opened",
  version: 1,
  title: "Secrets Manager secret policy opened outside the account",
  severity: 4,
  description:
    'A resource policy was put on a secret that allows everyone ("*" without a narrowing condition) or a principal of another AWS account: they can read the secret\'s value from outside.',
  tactic: "exfiltration",
  techniques: ["T1555.006", "T1537"],
  events: ["PutResourcePolicy"],
  match: (e) => {
    if (!e.ok || e.source !== "secretsmanager.amazonaws.com") return false;
    const policy = policyOf(e.req?.resourcePolicy);
    return allowsEveryone(policy) || foreignPrincipalAccounts(e, policy).length > 0;
  },
  resource: (e) => ({ type: "AwsSecretsManagerSecret", id: e.param("secretId") || null }),
  runbook: {
    check: [
      "Which principals the policy now allows and which secretsmanager actions (GetSecretValue is the one that matters).",
      "GetSecretValue calls on the secret from other accounts since the change (they show in this account's CloudTrail).",
    ],
    contain: [
      "Delete or correct the policy (DeleteResourcePolicy) and rotate the secret, since its value may already have been read.",
    ],
    falsePositives: [
      "Secrets shared on purpose with an application account of your organization; add an exception for that secret and account.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutResourcePolicy.html",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html",
  ],
  fixtures: {
    fire: [putPolicy({ AWS: "*" }), putPolicy({ AWS: `arn:aws:iam::${FIXTURE.otherAccount}:root` })],
    quiet: [
      putPolicy({ AWS: `arn:aws:iam::${FIXTURE.account}:role/payments-api` }),
      putPolicy({ AWS: "*" }, "AccessDeniedException"),
    ],
  },
};
