import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { addsGroupAll } from "./shared";

const SNAPSHOT = "snap-0f3b2c9a8d7e6f501";

/** A ModifySnapshotAttribute call as CloudTrail records it. */
export const snapshotPermission = (operation: "add" | "remove", item: Record<string, string>, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "ModifySnapshotAttribute",
    requestParameters: {
      snapshotId: SNAPSHOT,
      createVolumePermission: { [operation]: { items: [item] } },
      attributeType: "CREATE_VOLUME_PERMISSION",
    },
    responseElements: errorCode ? null : { requestId: "5f8e2c1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b", _return: true },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ebs-snapshot-made-public",
  version: 1,
  title: "EBS snapshot made public",
  severity: 4,
  description:
    'An EBS snapshot\'s create-volume permission was given to the "all" group: any AWS account can copy the snapshot and mount the disk, with every file on it.',
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["ModifySnapshotAttribute"],
  match: (e) => e.ok && e.source === "ec2.amazonaws.com" && addsGroupAll(e, "createVolumePermission"),
  resource: (e) => ({ type: "AwsEc2Snapshot", id: e.param("snapshotId") || null }),
  runbook: {
    check: [
      "Which volume and instance the snapshot was taken from (DescribeSnapshots) and what data it holds.",
      "Whether the same principal created the snapshot shortly before (CreateSnapshot): snapshot then share is the usual theft pattern.",
    ],
    contain: [
      'Remove the "all" group from the snapshot\'s create-volume permission and turn on EBS snapshot block public access for the region.',
      "Treat secrets stored on the disk as exposed and rotate them.",
    ],
    falsePositives: [
      "Publishing a public dataset or appliance disk on purpose; do it from a dedicated account and add an exception there.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySnapshotAttribute.html",
    "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html",
  ],
  fixtures: {
    fire: [snapshotPermission("add", { group: "all" })],
    quiet: [
      snapshotPermission("remove", { group: "all" }),
      snapshotPermission("add", { group: "all" }, "AccessDenied"),
    ],
  },
};
