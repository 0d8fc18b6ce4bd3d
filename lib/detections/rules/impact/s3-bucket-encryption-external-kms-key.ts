import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { accountOf, isForeign, obj, objects } from "../exfiltration/shared";

const BUCKET = "acme-contracts";

/** KMS keys of other accounts that the bucket's default encryption now uses. */
const foreignKeys = (e: TrailEvent): string[] =>
  objects(obj(e.req?.ServerSideEncryptionConfiguration).Rule)
    .map((r) => obj(r.ApplyServerSideEncryptionByDefault).KMSMasterKeyID)
    .filter((k): k is string => typeof k === "string" && isForeign(e, accountOf(k)));

const putEncryption = (byDefault: Record<string, string>, errorCode?: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName: "PutBucketEncryption",
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      encryption: "",
      ServerSideEncryptionConfiguration: {
        xmlns: "http://s3.amazonaws.com/doc/2006-03-01/",
        Rule: { ApplyServerSideEncryptionByDefault: byDefault, BucketKeyEnabled: true },
      },
    },
    resources: [{ ARN: `arn:aws:s3:::${BUCKET}`, accountId: FIXTURE.account, type: "AWS::S3::Bucket" }],
    ...(errorCode ? { errorCode } : {}),
  });

const kms = (account: string) => ({
  SSEAlgorithm: "aws:kms",
  KMSMasterKeyID: `arn:aws:kms:us-east-1:${account}:key/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9`,
});

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-bucket-encryption-external-kms-key",
  version: 1,
  title: "S3 bucket default encryption set to another account's KMS key",
  severity: 4,
  description:
    "A bucket's default encryption was set to a KMS key owned by another AWS account. New objects are encrypted with a key that account controls; if it revokes access or deletes the key, the data cannot be read (a cloud ransomware pattern).",
  tactic: "impact",
  techniques: ["T1486"],
  events: ["PutBucketEncryption"],
  match: (e) => e.ok && e.source === "s3.amazonaws.com" && foreignKeys(e).length > 0,
  resource: (e) => ({ type: "AwsS3Bucket", id: e.param("bucketName") || null }),
  runbook: {
    check: [
      "Whether the key's account belongs to your organization (a central security account) or is unknown.",
      "Whether objects are being rewritten (CopyObject or PutObject in data events) by the same principal, which re-encrypts existing data with that key.",
    ],
    contain: [
      "Set default encryption back to a key of this account and stop the principal's sessions.",
      "Re-encrypt affected objects with your own key while the foreign key still works, and keep versioning on to hold the earlier versions.",
    ],
    falsePositives: [
      "Organizations that keep KMS keys in a central security account; add an exception for that key account.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketEncryption.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html",
  ],
  fixtures: {
    fire: [putEncryption(kms(FIXTURE.otherAccount))],
    quiet: [
      putEncryption(kms(FIXTURE.account)),
      putEncryption({ SSEAlgorithm: "AES256" }),
      putEncryption(kms(FIXTURE.otherAccount), "AccessDenied"),
    ],
  },
};
