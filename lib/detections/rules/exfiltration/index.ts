import type { EventRule } from "../../rule";
import { rule as amiSharedOutsideAccount } from "./ami-shared-outside-account";
import { rule as ebsSnapshotMadePublic } from "./ebs-snapshot-made-public";
import { rule as ebsSnapshotSharedWithExternalAccount } from "./ebs-snapshot-shared-with-external-account";
import { rule as kmsGrantToExternalAccount } from "./kms-grant-to-external-account";
import { rule as kmsKeyPolicyPublic } from "./kms-key-policy-public";
import { rule as rdsInstanceMadePubliclyAccessible } from "./rds-instance-made-publicly-accessible";
import { rule as rdsSnapshotMadePublic } from "./rds-snapshot-made-public";
import { rule as rdsSnapshotSharedWithExternalAccount } from "./rds-snapshot-shared-with-external-account";
import { rule as s3AccountPublicAccessBlockLowered } from "./s3-account-public-access-block-lowered";
import { rule as s3AclGrantsPublicAccess } from "./s3-acl-grants-public-access";
import { rule as s3BucketPolicyPublic } from "./s3-bucket-policy-public";
import { rule as s3BucketPublicAccessBlockLowered } from "./s3-bucket-public-access-block-lowered";
import { rule as s3ReplicationToExternalAccount } from "./s3-replication-to-external-account";
import { rule as secretsmanagerSecretPolicyOpened } from "./secretsmanager-secret-policy-opened";

export const RULES: EventRule[] = [
  amiSharedOutsideAccount,
  ebsSnapshotMadePublic,
  ebsSnapshotSharedWithExternalAccount,
  kmsGrantToExternalAccount,
  kmsKeyPolicyPublic,
  rdsInstanceMadePubliclyAccessible,
  rdsSnapshotMadePublic,
  rdsSnapshotSharedWithExternalAccount,
  s3AccountPublicAccessBlockLowered,
  s3AclGrantsPublicAccess,
  s3BucketPolicyPublic,
  s3BucketPublicAccessBlockLowered,
  s3ReplicationToExternalAccount,
  secretsmanagerSecretPolicyOpened,
];
