import { assumedRole, FIXTURE, trailRecord } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

const BUCKET = "acme-prod-records";

/** `n` times from `start`, `step` seconds apart, as CloudTrail writes them. */
const times = (start: string, n: number, step: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(start) + i * step * 1000).toISOString().replace(".000Z", "Z"),
  );

/** S3 object deletions by one session, as data events (every tenth a multi-object delete). */
const deletions = (start: string, n: number, step: number, session = "i-0f9e8d") =>
  times(start, n, step).map((eventTime, i) => {
    const many = i % 10 === 9;
    const key = `exports/2026/11/part-${String(i).padStart(4, "0")}.parquet`;
    return {
      ...trailRecord({
        eventSource: "s3.amazonaws.com",
        eventName: many ? "DeleteObjects" : "DeleteObject",
        eventTime,
        userIdentity: assumedRole("etl-worker", session),
        sourceIPAddress: "198.51.100.33",
        requestParameters: many
          ? { bucketName: BUCKET, delete: "", Host: `${BUCKET}.s3.us-east-1.amazonaws.com` }
          : { bucketName: BUCKET, key, Host: `${BUCKET}.s3.us-east-1.amazonaws.com` },
        resources: [
          { type: "AWS::S3::Object", ARN: `arn:aws:s3:::${BUCKET}/${key}` },
          { accountId: FIXTURE.account, type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${BUCKET}` },
        ],
      }),
      managementEvent: false,
      eventCategory: "Data",
    };
  });

const fire = deletions("2026-11-20T10:55:00Z", 55, 8);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "s3-object-deletion-burst",
  version: 1,
  title: "Burst of S3 object deletions by one principal",
  severity: 4,
  description:
    "One principal deleted S3 objects fifty or more times within 10 minutes (DeleteObject and DeleteObjects data events): data being destroyed, or removed after being copied out for ransom.",
  tactic: "impact",
  techniques: ["T1485"],
  table: "cloudtrail",
  where: () =>
    "event_source = 's3.amazonaws.com' AND event_name IN ('DeleteObject', 'DeleteObjects') AND error_code IS NULL",
  key: () => "coalesce(user_arn, principal_id, '?')",
  threshold: 50,
  windowMinutes: 10,
  runbook: {
    check: [
      "Which buckets and prefixes lost objects, whether versioning kept earlier versions, and whether the principal normally deletes there.",
      "Whether the same principal read or copied the objects shortly before (GetObject, CopyObject, replication changes).",
    ],
    contain: [
      "Revoke the principal's credentials, deny s3:DeleteObject on the bucket by bucket policy, and restore from versions or backups.",
    ],
    falsePositives: [
      "Clean-up jobs that delete temporary or expired exports; add an exception for their role and prefix.",
      "This rule needs S3 data events in the trail; without them it never fires.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html",
  ],
  fixtures: {
    // 55 deletions in about 7 minutes, over two files and across 11:00.
    fire: { objects: [fire.slice(0, 38), fire.slice(38)] },
    quiet: {
      objects: [
        // One under the threshold; then 60 deletions 20 seconds apart (30 at most in 10 minutes).
        deletions("2026-11-20T06:10:00Z", 49, 8),
        deletions("2026-11-20T07:30:00Z", 60, 20),
        // 60 deletions within 5 minutes, shared between two sessions.
        [...deletions("2026-11-20T09:00:00Z", 30, 10, "i-01"), ...deletions("2026-11-20T09:00:05Z", 30, 10, "i-02")],
      ],
    },
  },
};
