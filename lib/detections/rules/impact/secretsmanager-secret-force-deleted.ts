import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { flag } from "../exfiltration/shared";

const SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/orders/api-key-Xy12Zw";

const deleteSecret = (params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "secretsmanager.amazonaws.com",
    eventName: "DeleteSecret",
    requestParameters: { secretId: SECRET, ...params },
    responseElements: errorCode
      ? null
      : { arn: SECRET, name: "prod/orders/api-key", deletionDate: "Nov 20, 2026, 10:05:00 AM" },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "secretsmanager-secret-force-deleted",
  version: 1,
  title: "Secrets Manager secret deleted without a recovery window",
  severity: 3,
  description:
    "A secret was deleted with ForceDeleteWithoutRecovery: it is removed at once, with no recovery window to restore it, and applications that read it stop working.",
  tactic: "impact",
  techniques: ["T1485"],
  events: ["DeleteSecret"],
  match: (e) => e.ok && e.source === "secretsmanager.amazonaws.com" && flag(e.req?.forceDeleteWithoutRecovery) === true,
  resource: (e) => ({ type: "AwsSecretsManagerSecret", id: e.param("secretId") || null }),
  runbook: {
    check: [
      "Which applications read the secret (GetSecretValue callers in CloudTrail) and whether they now fail.",
      "Whether the principal read the secret's value before deleting it.",
    ],
    contain: [
      "Recreate the secret from its source (the database or provider it grants access to) and rotate that credential, since the old value may be in other hands.",
      "Deny secretsmanager:DeleteSecret with ForceDeleteWithoutRecovery outside the platform role.",
    ],
    falsePositives: [
      "Test and ephemeral environments torn down by infrastructure code; add an exception for the deploying role or the test secret prefix.",
    ],
  },
  references: ["https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html"],
  fixtures: {
    fire: [deleteSecret({ forceDeleteWithoutRecovery: true })],
    quiet: [
      deleteSecret({ recoveryWindowInDays: 30 }),
      deleteSecret({ forceDeleteWithoutRecovery: true }, "AccessDeniedException"),
    ],
  },
};
