import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { snapshotPermission } from "./ebs-snapshot-made-public";
import { addedForeignAccounts } from "./shared";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ebs-snapshot-shared-with-external-account",
  version: 1,
  title: "EBS snapshot shared with another AWS account",
  severity: 3,
  description:
    "An EBS snapshot's create-volume permission was given to another AWS account, which can now copy the snapshot and read the whole disk in its own account.",
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["ModifySnapshotAttribute"],
  match: (e) =>
    e.ok && e.source === "ec2.amazonaws.com" && addedForeignAccounts(e, "createVolumePermission").length > 0,
  resource: (e) => ({ type: "AwsEc2Snapshot", id: e.param("snapshotId") || null }),
  runbook: {
    check: [
      "Whether the receiving account belongs to your organization or a known partner.",
      "Which volume the snapshot comes from and whether the same principal created it just before.",
    ],
    contain: [
      "Remove the account from the snapshot's create-volume permission; a copy already made in the other account cannot be recalled, so rotate secrets stored on the disk.",
    ],
    falsePositives: [
      "Backup or migration copies to accounts of your organization; add an exception for those receiving accounts.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySnapshotAttribute.html",
    "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html",
  ],
  fixtures: {
    fire: [snapshotPermission("add", { userId: FIXTURE.otherAccount })],
    quiet: [
      snapshotPermission("remove", { userId: FIXTURE.otherAccount }),
      snapshotPermission("add", { userId: FIXTURE.otherAccount }, "AccessDenied"),
    ],
  },
};
