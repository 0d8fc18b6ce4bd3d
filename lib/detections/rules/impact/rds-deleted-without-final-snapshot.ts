import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { flag } from "../exfiltration/shared";

const deleteDb = (cluster: boolean, params: Record<string, unknown>, errorCode?: string) => {
  const id = cluster ? { dBClusterIdentifier: "orders-aurora" } : { dBInstanceIdentifier: "billing-db" };
  return trailRecord({
    eventSource: "rds.amazonaws.com",
    eventName: cluster ? "DeleteDBCluster" : "DeleteDBInstance",
    requestParameters: { ...id, ...params },
    responseElements: errorCode ? null : { ...id, [cluster ? "status" : "dBInstanceStatus"]: "deleting" },
    ...(errorCode ? { errorCode } : {}),
  });
};

const databaseOf = (e: TrailEvent) =>
  e.name === "DeleteDBCluster"
    ? { type: "AwsRdsDbCluster", id: e.param("dBClusterIdentifier") || null }
    : { type: "AwsRdsDbInstance", id: e.param("dBInstanceIdentifier") || null };

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "rds-deleted-without-final-snapshot",
  version: 1,
  title: "RDS database deleted without a final snapshot",
  severity: 4,
  description:
    "An RDS DB instance or cluster was deleted with SkipFinalSnapshot: no snapshot is taken on the way out, so unless manual snapshots or retained automated backups exist, the data is gone.",
  tactic: "impact",
  techniques: ["T1485", "T1490"],
  events: ["DeleteDBInstance", "DeleteDBCluster"],
  match: (e) => e.ok && e.source === "rds.amazonaws.com" && flag(e.req?.skipFinalSnapshot) === true,
  resource: databaseOf,
  runbook: {
    check: [
      "Whether the database was production and whether automated backups were kept (deleteAutomatedBackups false) or manual snapshots exist.",
      "What else the principal deleted in the same session (snapshots, backup vaults, other databases).",
    ],
    contain: [
      "Restore from the latest manual snapshot or retained automated backup, and revoke the principal's sessions.",
      "Turn on deletion protection for production databases so deletion needs a separate, visible change.",
    ],
    falsePositives: [
      "Test and preview environments torn down by infrastructure code; add an exception for the deploying role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBCluster.html",
  ],
  fixtures: {
    fire: [
      deleteDb(false, { skipFinalSnapshot: true, deleteAutomatedBackups: true }),
      deleteDb(true, { skipFinalSnapshot: true }),
    ],
    quiet: [
      deleteDb(false, { skipFinalSnapshot: false, finalDBSnapshotIdentifier: "billing-db-final-2026-11-20" }),
      deleteDb(true, { skipFinalSnapshot: true }, "InvalidParameterCombination"),
    ],
  },
};
