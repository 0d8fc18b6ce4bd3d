import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { isForeign, obj, objects } from "./shared";

const BUCKET = "acme-patient-records";

/** The accounts, other than this one, that replication rules send objects to. */
const foreignDestinations = (e: TrailEvent): string[] =>
  objects(obj(e.req?.ReplicationConfiguration).Rule)
    .filter((r) => r.Status !== "Disabled")
    .map((r) => obj(r.Destination).Account)
    .filter((a): a is string => typeof a === "string" && isForeign(e, a));

const replication = (destination: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "s3.amazonaws.com",
    eventName: "PutBucketReplication",
    requestParameters: {
      bucketName: BUCKET,
      Host: `${BUCKET}.s3.us-east-1.amazonaws.com`,
      replication: "",
      ReplicationConfiguration: {
        xmlns: "http://s3.amazonaws.com/doc/2006-03-01/",
        Role: `arn:aws:iam::${FIXTURE.account}:role/s3-replication`,
        Rule: {
          ID: "copy-all",
          Priority: 1,
          Status: "Enabled",
          Filter: { Prefix: "" },
          DeleteMarkerReplication: { Status: "Disabled" },
          Destination: destination,
        },
      },
    },
    resources: [{ ARN: `arn:aws:s3:::${BUCKET}`, accountId: FIXTURE.account, type: "AWS::S3::Bucket" }],
    ...(errorCode ? { errorCode } : {}),
  });

const external = {
  Bucket: "arn:aws:s3:::archive-drop-7731",
  Account: FIXTURE.otherAccount,
  AccessControlTranslation: { Owner: "Destination" },
};

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "s3-replication-to-external-account",
  version: 1,
  title: "S3 bucket replicated to another AWS account",
  severity: 4,
  description:
    "A replication configuration was put on a bucket with a destination owned by another AWS account: every new object (and, with batch replication, existing ones) will be copied out of the account.",
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["PutBucketReplication"],
  match: (e) => e.ok && e.source === "s3.amazonaws.com" && foreignDestinations(e).length > 0,
  resource: (e) => ({ type: "AwsS3Bucket", id: e.param("bucketName") || null }),
  runbook: {
    check: [
      "Whether the destination account belongs to your organization, and who owns the replication role named in the configuration.",
      "Whether the role was created or given s3:Replicate* permissions shortly before.",
    ],
    contain: [
      "Remove the replication configuration (DeleteBucketReplication) and revoke the replication role's access.",
      "List what was already replicated with the bucket's replication metrics or data event logs.",
    ],
    falsePositives: [
      "Backup or disaster-recovery copies into a dedicated archive account of your organization; add an exception for that destination account.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketReplication.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-walkthrough-2.html",
  ],
  fixtures: {
    fire: [replication(external)],
    quiet: [
      replication({ Bucket: "arn:aws:s3:::acme-patient-records-dr", StorageClass: "STANDARD_IA" }),
      replication({ Bucket: "arn:aws:s3:::acme-patient-records-dr", Account: FIXTURE.account }),
      replication(external, "AccessDenied"),
    ],
  },
};
