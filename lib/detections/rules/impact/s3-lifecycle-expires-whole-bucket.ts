import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { isObj, type Json, num, obj, objects } from "../exfiltration/shared";

const BUCKET = "acme-invoices-archive";
const DAY_MS = 86_400_000;

/**
 * A rule with no filter, or a prefix filter on "" — or "*", which S3 reads as a literal character
 * but which shows the intent to match everything.
 */
function coversWholeBucket(r: Json): boolean {
  const everything = (p: unknown) => p === undefined || p === "" || p === "*";
  if (!everything(r.Prefix)) return false;
  if (!isObj(r.Filter)) return true;
  const narrowing = ["Tag", "And", "ObjectSizeGreaterThan", "ObjectSizeLessThan"];
  return !narrowing.some((k) => k in obj(r.Filter)) && everything(obj(r.Filter).Prefix);
}

/** Current objects expire one day after creation, or on a date no later than a day from now. */
function expiresWithinADay(r: Json, now: number): boolean {
  const expiration = obj(r.Expiration);
  if (num(expiration.Days) <= 1) return true;
  const date = typeof expiration.Date === "string" ? Date.parse(expiration.Date) : Number.NaN;
  return date <= now + DAY_MS;
}

const expiresEverything = (e: TrailEvent): boolean =>
  objects(obj(e.req?.LifecycleConfiguration).Rule).some(
    (r) => r.Status === "Enabled" && coversWholeBucket(r) && expiresWithinADay(r, Number(e.row.event_time)),
  );

const lifecycle = (rule: Json | Json[], errorCode?: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName: "PutBucketLifecycle",
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      lifecycle: "",
      LifecycleConfiguration: { xmlns: "http://s3.amazonaws.com/doc/2006-03-01/", Rule: rule },
    },
    resources: [{ ARN: `arn:aws:s3:::${BUCKET}`, accountId: FIXTURE.account, type: "AWS::S3::Bucket" }],
    ...(errorCode ? { errorCode } : {}),
  });

const rule1 = (filter: Json | null, expiration: Json, extra: Json = {}): Json => ({
  ID: "cleanup",
  Status: "Enabled",
  ...(filter ? { Filter: filter } : {}),
  Expiration: expiration,
  ...extra,
});

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-lifecycle-expires-whole-bucket",
  version: 1,
  title: "S3 lifecycle rule expires every object in a bucket within a day",
  severity: 4,
  description:
    "A lifecycle configuration was put on a bucket with an enabled rule that covers the whole bucket and expires current objects after one day (or on a date already reached): S3 deletes the bucket's contents on its own within a day.",
  tactic: "impact",
  techniques: ["T1485"],
  events: ["PutBucketLifecycle", "PutBucketLifecycleConfiguration"],
  match: (e) => e.ok && e.source === "s3.amazonaws.com" && expiresEverything(e),
  resource: (e) => ({ type: "AwsS3Bucket", id: e.param("bucketName") || null }),
  runbook: {
    check: [
      "What the bucket holds (logs, backups, customer data) and whether versioning and Object Lock protect it.",
      "Whether the same principal also suspended versioning, changed bucket logging or deleted trails: lifecycle is a quiet way to destroy evidence.",
    ],
    contain: [
      "Put the previous lifecycle configuration back or delete it (DeleteBucketLifecycle) before S3's next daily run.",
      "With versioning on, restore expired objects by removing their delete markers.",
    ],
    falsePositives: [
      "Scratch and query-result buckets that keep objects for a day; add an exception for those buckets.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html",
  ],
  fixtures: {
    fire: [lifecycle(rule1({ Prefix: "" }, { Days: 1 })), lifecycle([rule1(null, { Date: "2026-11-01T00:00:00Z" })])],
    quiet: [
      lifecycle(rule1({ Prefix: "tmp/" }, { Days: 1 })),
      lifecycle(
        rule1(
          { Prefix: "" },
          { Days: 365 },
          {
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          },
        ),
      ),
      lifecycle(rule1({ Prefix: "" }, { Days: 1 }), "AccessDenied"),
    ],
  },
};
