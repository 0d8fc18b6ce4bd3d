import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { dbSnapshotOf, restoreValuesAdded } from "./shared";

/** A Modify DB (cluster) snapshot attribute call on the "restore" attribute. */
export const restoreAttribute = (
  cluster: boolean,
  change: { valuesToAdd?: string[]; valuesToRemove?: string[] },
  errorCode?: string,
) => {
  const id = cluster
    ? { dBClusterSnapshotIdentifier: "orders-aurora-2026-11-20" }
    : { dBSnapshotIdentifier: "billing-db-final" };
  const result = cluster ? "dBClusterSnapshotAttributesResult" : "dBSnapshotAttributesResult";
  return trailRecord({
    eventSource: "rds.amazonaws.com",
    eventName: cluster ? "ModifyDBClusterSnapshotAttribute" : "ModifyDBSnapshotAttribute",
    requestParameters: { ...id, attributeName: "restore", ...change },
    responseElements: errorCode
      ? null
      : {
          [result]: {
            ...id,
            [cluster ? "dBClusterSnapshotAttributes" : "dBSnapshotAttributes"]: [
              { attributeName: "restore", attributeValues: change.valuesToAdd ?? [] },
            ],
          },
        },
    ...(errorCode ? { errorCode } : {}),
  });
};

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "rds-snapshot-made-public",
  version: 1,
  title: "RDS snapshot made public",
  severity: 4,
  description:
    'A manual RDS DB or cluster snapshot was shared with "all": any AWS account can restore it into a database of its own and read every table.',
  tactic: "exfiltration",
  techniques: ["T1537"],
  events: ["ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"],
  match: (e) => e.ok && e.source === "rds.amazonaws.com" && restoreValuesAdded(e).includes("all"),
  resource: dbSnapshotOf,
  runbook: {
    check: [
      "Which database the snapshot was taken from and whether the same principal created the snapshot just before.",
      "Whether the snapshot is encrypted: AWS refuses to make encrypted snapshots public, so a success means the data is unencrypted.",
    ],
    contain: [
      'Remove "all" from the snapshot\'s restore attribute and delete unneeded manual snapshots.',
      "Treat the data and any credentials stored in the database as exposed.",
    ],
    falsePositives: ["Publishing a demo or public dataset on purpose; add an exception for the snapshot."],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBSnapshotAttribute.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBClusterSnapshotAttribute.html",
  ],
  fixtures: {
    fire: [restoreAttribute(false, { valuesToAdd: ["all"] }), restoreAttribute(true, { valuesToAdd: ["all"] })],
    quiet: [
      restoreAttribute(false, { valuesToRemove: ["all"] }),
      restoreAttribute(true, { valuesToAdd: ["all"] }, "InvalidParameterValue"),
    ],
  },
};
