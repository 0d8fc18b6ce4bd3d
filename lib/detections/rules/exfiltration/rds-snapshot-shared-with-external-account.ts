import { FIXTURE } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { restoreAttribute } from "./rds-snapshot-made-public";
import { accountOf, dbSnapshotOf, isForeign, restoreValuesAdded } from "./shared";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "rds-snapshot-shared-with-external-account",
  version: 1,
  title: "RDS snapshot shared with another AWS account",
  severity: 3,
  description:
    "A manual RDS DB or cluster snapshot was shared with another AWS account, which can copy or restore it and read the database in its own account.",
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"],
  match: (e) =>
    e.ok && e.source === "rds.amazonaws.com" && restoreValuesAdded(e).some((v) => isForeign(e, accountOf(v))),
  resource: dbSnapshotOf,
  runbook: {
    check: [
      "Whether the receiving account belongs to your organization or a known partner.",
      "Whether the snapshot is encrypted with a customer managed key, and whether that key was also shared (a KMS grant or key policy change).",
    ],
    contain: [
      "Remove the account from the snapshot's restore attribute; a copy already taken cannot be recalled, so rotate database credentials.",
    ],
    falsePositives: [
      "Cross-account backup and refresh jobs to accounts of your organization; add an exception for those receiving accounts.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSnapshotAttribute.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html",
  ],
  fixtures: {
    fire: [
      restoreAttribute(false, { valuesToAdd: [FIXTURE.otherAccount] }),
      restoreAttribute(true, { valuesToAdd: [FIXTURE.otherAccount] }),
    ],
    quiet: [
      restoreAttribute(false, { valuesToRemove: [FIXTURE.otherAccount] }),
      restoreAttribute(false, { valuesToAdd: [FIXTURE.otherAccount] }, "AccessDenied"),
    ],
  },
};
