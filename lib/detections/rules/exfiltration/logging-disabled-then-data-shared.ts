import type { LakeDialect } from "@/lib/ports/lake-query";
import { FIXTURE, iamUser, trailRecord } from "../../fixtures";
import type { SequenceRule } from "../../rule";

const TRAIL = `arn:aws:cloudtrail:${FIXTURE.region}:${FIXTURE.account}:trail/org-trail`;
const principal = () => "coalesce(user_arn, principal_id)";
/** A create-volume permission added for an account or for everyone (`group: all`). */
const sharesSnapshot = (d: LakeDialect) =>
  `coalesce(${d.jsonText("request_parameters", "$.createVolumePermission.add.items[0].userId")}, ${d.jsonText("request_parameters", "$.createVolumePermission.add.items[0].group")}) IS NOT NULL`;

const call = (
  eventSource: string,
  eventName: string,
  time: string,
  who: string,
  req: Record<string, unknown>,
  errorCode?: string,
) =>
  trailRecord({
    eventSource,
    eventName,
    eventTime: time,
    userIdentity: iamUser(who),
    requestParameters: req,
    ...(errorCode ? { errorCode } : {}),
  });
const stopLogging = (t: string, who: string, errorCode?: string) =>
  call("cloudtrail.amazonaws.com", "StopLogging", t, who, { name: TRAIL }, errorCode);
const deleteTrail = (t: string, who: string) =>
  call("cloudtrail.amazonaws.com", "DeleteTrail", t, who, { name: TRAIL });
const deleteDetector = (t: string, who: string) =>
  call("guardduty.amazonaws.com", "DeleteDetector", t, who, { detectorId: "12abc34d567e8fa901bc2d34e56789f0" });
const share = (t: string, who: string, op: "add" | "remove" = "add") =>
  call("ec2.amazonaws.com", "ModifySnapshotAttribute", t, who, {
    snapshotId: "snap-0123456789abcdef0",
    attributeType: "CREATE_VOLUME_PERMISSION",
    createVolumePermission: { [op]: { items: [{ userId: FIXTURE.otherAccount }] } },
  });
const bucketPolicy = (t: string, who: string) =>
  call("s3.amazonaws.com", "PutBucketPolicy", t, who, {
    bucketName: "acme-prod-records",
    bucketPolicy: {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::acme-prod-records/*" },
      ],
    },
  });

export const rule: SequenceRule = {
  kind: "sequence",
  id: "logging-disabled-then-data-shared",
  version: 1,
  title: "Attack sequence: audit logging or threat detection turned off, then data exposed",
  severity: 5,
  description:
    "Within two hours, one principal stopped or deleted a CloudTrail trail or deleted the GuardDuty detector, then shared an EBS snapshot or changed a bucket policy: blinding the defenders before taking data out.",
  tactic: "exfiltration",
  techniques: ["T1562.008", "T1562.001", "T1537"],
  windowMinutes: 120,
  steps: [
    {
      title: "CloudTrail logging stopped or trail deleted, or GuardDuty detector deleted",
      table: "cloudtrail",
      where: () =>
        "error_code IS NULL AND ((event_source = 'cloudtrail.amazonaws.com' AND event_name IN ('StopLogging', 'DeleteTrail')) OR (event_source = 'guardduty.amazonaws.com' AND event_name = 'DeleteDetector'))",
      key: principal,
    },
    {
      title: "EBS snapshot shared, or bucket policy changed",
      table: "cloudtrail",
      where: (d) =>
        `error_code IS NULL AND (event_name = 'PutBucketPolicy' OR (event_name = 'ModifySnapshotAttribute' AND ${sharesSnapshot(d)}))`,
      key: principal,
    },
  ],
  runbook: {
    check: [
      "Whether the logging or detection change was planned (a change ticket, a trail migration) and who made it.",
      "Where the data went: the receiving account of the snapshot, or the principals the new bucket policy lets in.",
    ],
    contain: [
      "Restart logging and re-create the detector first, then revoke the snapshot permission or restore the bucket policy, and disable the principal's credentials.",
    ],
    falsePositives: [
      "A platform team replacing a trail and reorganizing buckets in the same change window; add a short-lived exception for that role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html",
    "https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DeleteDetector.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySnapshotAttribute.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html",
  ],
  fixtures: {
    // Logging stopped, then a snapshot shared 75 minutes later, over two files and across 09:00.
    fire: { objects: [[stopLogging("2026-11-20T08:30:00Z", "eve")], [share("2026-11-20T09:45:00Z", "eve")]] },
    quiet: {
      objects: [
        // Wrong order; then the right order but more than two hours apart.
        [bucketPolicy("2026-11-20T06:10:00Z", "mia"), deleteTrail("2026-11-20T06:20:00Z", "mia")],
        [stopLogging("2026-11-20T07:00:00Z", "noah"), share("2026-11-20T09:05:00Z", "noah")],
        // Two principals; a share removed, not added; a refused StopLogging.
        [deleteDetector("2026-11-20T08:00:00Z", "olga"), bucketPolicy("2026-11-20T08:30:00Z", "pete")],
        [deleteTrail("2026-11-20T10:00:00Z", "quinn"), share("2026-11-20T10:20:00Z", "quinn", "remove")],
        [stopLogging("2026-11-20T11:00:00Z", "rosa", "AccessDenied"), bucketPolicy("2026-11-20T11:10:00Z", "rosa")],
      ],
    },
  },
};
