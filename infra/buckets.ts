// The buckets and what every one of them gets (plain data; infra/storage.ts applies it, tests check it).
import type { PolicyDocument } from "./policies";

export type BucketId = "RawLogs" | "ProcessedLake" | "ClickstreamRaw" | "Evidence" | "AthenaResults";

export interface LifecycleRule {
  id: string;
  prefix: string;
  transitions: { days: number; storageClass: "STANDARD_IA" | "GLACIER_IR" }[];
  expirationDays: number | null;
  noncurrentExpirationDays: number | null;
}

export interface BucketSpec {
  id: BucketId;
  purpose: string;
  versioning: boolean;
  /** Object Lock is not used: evidence integrity rests on versioning + recorded SHA-256. */
  lifecycle: LifecycleRule[];
}

export function bucketSpecs(o: { rawLogs: { iaDays: number; expireDays: number } }): BucketSpec[] {
  return [
    {
      id: "RawLogs",
      purpose: "CloudTrail, GuardDuty, VPC Flow and CloudWatch Logs as AWS writes them",
      versioning: false,
      lifecycle: [
        {
          id: "raw-logs-age-out",
          prefix: "",
          transitions: [{ days: o.rawLogs.iaDays, storageClass: "STANDARD_IA" }],
          expirationDays: o.rawLogs.expireDays,
          noncurrentExpirationDays: null,
        },
      ],
    },
    { id: "ProcessedLake", purpose: "Parquet tables, quarantine and manifests", versioning: false, lifecycle: [] },
    {
      id: "ClickstreamRaw",
      purpose: "raw clickstream events under events/YYYY/MM/DD/HH/",
      versioning: false,
      lifecycle: [
        {
          id: "clickstream-raw-age-out",
          prefix: "events/",
          transitions: [{ days: 30, storageClass: "STANDARD_IA" }],
          expirationDays: 400,
          noncurrentExpirationDays: null,
        },
      ],
    },
    {
      id: "Evidence",
      purpose: "forensic evidence from SSM collection (hashes recorded on the incident)",
      versioning: true,
      lifecycle: [],
    },
    {
      id: "AthenaResults",
      purpose: "Athena query results (enforced by the workgroup)",
      versioning: false,
      lifecycle: [
        { id: "athena-results-expiry", prefix: "", transitions: [], expirationDays: 7, noncurrentExpirationDays: 1 },
      ],
    },
  ];
}

/** Every bucket: KMS with the customer key (bucket key on), all public access blocked. */
export const bucketEncryption = (kmsKeyArn: string) => ({
  rules: [
    {
      applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyArn },
      bucketKeyEnabled: true,
    },
  ],
});

export const PUBLIC_ACCESS_BLOCK = {
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
} as const;

/** Refuses any request not made over TLS, and uploads not encrypted with the stack's key. */
export function bucketPolicy(bucketArn: string, kmsKeyArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "TlsOnly",
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:*"],
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
      {
        Sid: "OnlyTheStackKey",
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:PutObject"],
        Resource: [`${bucketArn}/*`],
        Condition: { StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKeyArn } },
      },
    ],
  };
}

/** AWS services that write logs into the raw bucket, which is encrypted with the stack's key. */
export const LOG_WRITERS = {
  cloudtrail: "cloudtrail.amazonaws.com",
  vpcFlowLogs: "delivery.logs.amazonaws.com",
  guardduty: "guardduty.amazonaws.com",
} as const;

/**
 * The stack key's policy: the account administers it (IAM policies then grant use, as for our
 * functions), and the services that deliver logs into the SSE-KMS raw bucket may use it for that
 * account's deliveries only. Without these, CloudTrail, VPC Flow Logs and GuardDuty exports cannot
 * write a single object.
 */
export function keyPolicy(account: string): PolicyDocument {
  const fromAccount = { StringEquals: { "aws:SourceAccount": account } };
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministers",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ["kms:*"],
        Resource: ["*"],
      },
      {
        Sid: "CloudTrailEncryptsLogs",
        Effect: "Allow",
        Principal: { Service: LOG_WRITERS.cloudtrail },
        Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: ["*"],
        Condition: {
          ...fromAccount,
          StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${account}:trail/*` },
        },
      },
      {
        Sid: "FlowLogsDeliveryEncrypts",
        Effect: "Allow",
        Principal: { Service: LOG_WRITERS.vpcFlowLogs },
        Action: ["kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: ["*"],
        Condition: fromAccount,
      },
      {
        Sid: "GuardDutyExportEncrypts",
        Effect: "Allow",
        Principal: { Service: LOG_WRITERS.guardduty },
        Action: ["kms:GenerateDataKey"],
        Resource: ["*"],
        Condition: fromAccount,
      },
    ],
  };
}
