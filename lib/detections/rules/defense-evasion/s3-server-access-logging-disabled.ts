import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, asObject, DENIED, okFrom } from "./shared";

const BUCKET = "customer-uploads-prod";
const XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** An empty BucketLoggingStatus (no LoggingEnabled element) is how S3 logging is switched off. */
const turnsOff = (e: TrailEvent) =>
  e.req !== null && "BucketLoggingStatus" in e.req && !asObject(e.req.BucketLoggingStatus)?.LoggingEnabled;

const putBucketLogging = (status: Record<string, unknown>, more = {}) =>
  apiCall(
    "s3.amazonaws.com",
    "PutBucketLogging",
    { bucketName: BUCKET, Host: `${BUCKET}.s3.us-east-1.amazonaws.com`, BucketLoggingStatus: status, logging: "" },
    {
      additionalEventData: {
        SignatureVersion: "SigV4",
        CipherSuite: "TLS_AES_128_GCM_SHA256",
        bytesTransferredIn: 107,
        AuthenticationMethod: "AuthHeader",
        "x-amz-id-2": "Jc3hYWcXbyIhbW9Vd8Q2m1TgX+2wOJ3R8tA4t0bYbQ8=",
        bytesTransferredOut: 0,
      },
      ...more,
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-server-access-logging-disabled",
  version: 1,
  title: "S3 server access logging turned off",
  severity: 3,
  description:
    "PutBucketLogging with an empty BucketLoggingStatus: the bucket stops writing server access logs, so later reads and writes of its objects leave no access record (unless CloudTrail data events cover it).",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: ["PutBucketLogging"],
  match: (e) => okFrom(e, "s3.amazonaws.com") && turnsOff(e),
  resource: (e) => ({ type: "AwsS3Bucket", id: e.param("bucketName") || null }),
  runbook: {
    check: [
      "Which bucket and what it holds; then look for object reads, copies or deletions on it after the change (CloudTrail data events if enabled).",
      "Whether the change came from the team that owns the bucket's infrastructure code.",
    ],
    contain: [
      "Turn logging back on to the log bucket (PutBucketLogging with LoggingEnabled) and consider CloudTrail S3 data events for sensitive buckets.",
    ],
    falsePositives: [
      "Switching a bucket from server access logs to CloudTrail data events, or removing logging from scratch buckets; add exceptions for those bucket names.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLogging.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
  ],
  fixtures: {
    fire: [putBucketLogging({ xmlns: XMLNS })],
    quiet: [
      putBucketLogging({
        xmlns: XMLNS,
        LoggingEnabled: { TargetBucket: "s3-access-logs-111122223333", TargetPrefix: `${BUCKET}/` },
      }),
      putBucketLogging({ xmlns: XMLNS }, DENIED),
    ],
  },
};
