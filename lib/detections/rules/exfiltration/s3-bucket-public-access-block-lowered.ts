import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { blockConfig, publicAccessBlockLowered } from "./shared";

const BUCKET = "acme-data-warehouse-raw";

const bucketCall = (eventName: string, config?: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName,
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      publicAccessBlock: "",
      ...(config ? { PublicAccessBlockConfiguration: config } : {}),
    },
    resources: [{ ARN: `arn:aws:s3:::${BUCKET}`, accountId: FIXTURE.account, type: "AWS::S3::Bucket" }],
    ...(errorCode ? { errorCode } : {}),
  });

const XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-bucket-public-access-block-lowered",
  version: 1,
  title: "S3 Block Public Access turned off for a bucket",
  severity: 3,
  description:
    "The bucket's Block Public Access configuration was deleted or set with a protection off, so a public bucket policy or ACL on it would take effect (unless the account-level block still applies).",
  tactic: "exfiltration",
  techniques: ["T1530"],
  events: ["PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock"],
  match: (e) => e.ok && e.source === "s3.amazonaws.com" && publicAccessBlockLowered(e),
  resource: (e) => ({ type: "AwsS3Bucket", id: e.param("bucketName") || null }),
  runbook: {
    check: [
      "Which protections were turned off, and whether a bucket policy or ACL change on the same bucket followed.",
      "Whether the account-level Block Public Access is still on: it overrides the bucket setting.",
    ],
    contain: [
      "Turn all four protections back on for the bucket (PutPublicAccessBlock) and review its policy and ACL.",
      "Deny s3:PutBucketPublicAccessBlock outside the platform role with a service control policy.",
    ],
    falsePositives: [
      "Buckets that are public on purpose (websites, public datasets); add an exception for the bucket.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutPublicAccessBlock.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeletePublicAccessBlock.html",
  ],
  fixtures: {
    fire: [
      bucketCall("PutBucketPublicAccessBlock", blockConfig(false, XMLNS)),
      bucketCall("PutBucketPublicAccessBlock", { ...blockConfig(true, XMLNS), BlockPublicPolicy: false }),
      bucketCall("DeleteBucketPublicAccessBlock"),
    ],
    quiet: [
      bucketCall("PutBucketPublicAccessBlock", blockConfig(true, XMLNS)),
      bucketCall("DeleteBucketPublicAccessBlock", undefined, "AccessDenied"),
    ],
  },
};
