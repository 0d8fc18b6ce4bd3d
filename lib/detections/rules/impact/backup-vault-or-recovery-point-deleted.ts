import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";

const VAULT = "prod-daily";
const POINT = "arn:aws:ec2:us-east-1::snapshot/snap-0c1d2e3f4a5b6c7d8";

const backupCall = (eventName: string, params: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  trailRecord({
    eventSource: "backup.amazonaws.com",
    eventName,
    requestParameters: { backupVaultName: VAULT, ...params },
    ...extra,
  });

const deletedOf = (e: TrailEvent) =>
  e.name === "DeleteRecoveryPoint"
    ? { type: "AwsBackupRecoveryPoint", id: e.param("recoveryPointArn") || null }
    : { type: "AwsBackupBackupVault", id: e.param("backupVaultName") || null };

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "backup-vault-or-recovery-point-deleted",
  version: 1,
  title: "AWS Backup vault or recovery point deleted",
  severity: 4,
  description:
    "A person or script deleted an AWS Backup vault or a recovery point in it. Removing backups is what ransomware operators do before destroying or encrypting the originals, so recovery is impossible.",
  tactic: "impact",
  techniques: ["T1490", "T1485"],
  events: ["DeleteBackupVault", "DeleteRecoveryPoint"],
  match: (e) => e.ok && e.source === "backup.amazonaws.com" && e.userType !== "AWSService" && !e.row.invoked_by,
  resource: deletedOf,
  dedup: { key: (e) => `${e.actor}|${e.param("backupVaultName")}`, windowMinutes: 60 },
  runbook: {
    check: [
      "How many recovery points the principal deleted (the finding's count) and which resources they protected.",
      "Whether the principal also changed the vault's access policy or lock, or deleted snapshots and databases directly.",
    ],
    contain: [
      "Revoke the principal's sessions and protect the remaining vaults with AWS Backup Vault Lock and a deny policy on DeleteRecoveryPoint.",
      "Check for copies in another region or account and take fresh backups of what lost its recovery points.",
    ],
    falsePositives: [
      "Manual clean-up of old recovery points by the backup administrators; prefer lifecycle rules in backup plans, or add an exception for their role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DeleteBackupVault.html",
    "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DeleteRecoveryPoint.html",
  ],
  fixtures: {
    fire: [backupCall("DeleteRecoveryPoint", { recoveryPointArn: POINT }), backupCall("DeleteBackupVault", {})],
    quiet: [
      backupCall("DeleteRecoveryPoint", { recoveryPointArn: POINT }, { errorCode: "AccessDeniedException" }),
      backupCall(
        "DeleteRecoveryPoint",
        { recoveryPointArn: POINT },
        {
          userIdentity: { type: "AWSService", invokedBy: "backup.amazonaws.com", accountId: FIXTURE.account },
          sourceIPAddress: "backup.amazonaws.com",
          userAgent: "backup.amazonaws.com",
        },
      ),
    ],
  },
};
