import type { EventRule } from "../../rule";
import { rule as backupVaultOrRecoveryPointDeleted } from "./backup-vault-or-recovery-point-deleted";
import { rule as ec2BulkInstanceLaunch } from "./ec2-bulk-instance-launch";
import { rule as ec2GpuInstanceLaunch } from "./ec2-gpu-instance-launch";
import { rule as glacierVaultDeleted } from "./glacier-vault-deleted";
import { rule as kmsKeyScheduledForDeletion } from "./kms-key-scheduled-for-deletion";
import { rule as rdsDeletedWithoutFinalSnapshot } from "./rds-deleted-without-final-snapshot";
import { rule as route53HostedZoneDeleted } from "./route53-hosted-zone-deleted";
import { rule as s3BucketEncryptionExternalKmsKey } from "./s3-bucket-encryption-external-kms-key";
import { rule as s3LifecycleExpiresWholeBucket } from "./s3-lifecycle-expires-whole-bucket";
import { rule as secretsmanagerSecretForceDeleted } from "./secretsmanager-secret-force-deleted";
import { rule as sesIdentityVerified } from "./ses-identity-verified";

export const RULES: EventRule[] = [
  backupVaultOrRecoveryPointDeleted,
  ec2BulkInstanceLaunch,
  ec2GpuInstanceLaunch,
  glacierVaultDeleted,
  kmsKeyScheduledForDeletion,
  rdsDeletedWithoutFinalSnapshot,
  route53HostedZoneDeleted,
  s3BucketEncryptionExternalKmsKey,
  s3LifecycleExpiresWholeBucket,
  secretsmanagerSecretForceDeleted,
  sesIdentityVerified,
];
