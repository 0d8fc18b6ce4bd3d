import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { flag } from "./shared";

const rdsCall = (eventName: string, params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "rds.amazonaws.com",
    eventName,
    requestParameters: params,
    responseElements: errorCode
      ? null
      : { dBInstanceIdentifier: params.dBInstanceIdentifier, dBInstanceStatus: "modifying" },
    ...(errorCode ? { errorCode } : {}),
  });

/** The database the call creates or changes. */
const databaseOf = (e: TrailEvent) =>
  e.param("dBClusterIdentifier") && !e.param("dBInstanceIdentifier")
    ? { type: "AwsRdsDbCluster", id: e.param("dBClusterIdentifier") }
    : {
        type: "AwsRdsDbInstance",
        id: e.param("dBInstanceIdentifier") || e.param("targetDBInstanceIdentifier") || null,
      };

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "rds-instance-made-publicly-accessible",
  version: 1,
  title: "RDS database made publicly accessible",
  severity: 4,
  description:
    "A database was modified, or restored from a snapshot or a point in time, with PubliclyAccessible set: its endpoint resolves to a public address and anyone its security groups admit can connect from the internet.",
  tactic: "exfiltration",
  techniques: ["T1048"],
  events: ["ModifyDBInstance", "ModifyDBCluster", "RestoreDBInstanceFromDBSnapshot", "RestoreDBInstanceToPointInTime"],
  match: (e) => e.ok && e.source === "rds.amazonaws.com" && flag(e.req?.publiclyAccessible) === true,
  resource: databaseOf,
  runbook: {
    check: [
      "The database's security groups: which addresses may reach the database port now.",
      "For a restore, which snapshot it came from and whether the master password was reset right after (ModifyDBInstance with a new password).",
    ],
    contain: [
      "Set PubliclyAccessible back to false and remove internet-wide rules from the security groups.",
      "Rotate the master password and look for logins from unknown addresses in the database logs.",
    ],
    falsePositives: [
      "Databases reached by a SaaS tool over the internet with an address allow list; add an exception for that database.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBInstanceFromDBSnapshot.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBInstanceToPointInTime.html",
  ],
  fixtures: {
    fire: [
      rdsCall("ModifyDBInstance", {
        dBInstanceIdentifier: "orders-db",
        publiclyAccessible: true,
        applyImmediately: true,
      }),
      rdsCall("RestoreDBInstanceFromDBSnapshot", {
        dBInstanceIdentifier: "orders-db-restore",
        dBSnapshotIdentifier: "rds:orders-db-2026-11-19-03-10",
        dBInstanceClass: "db.t3.medium",
        publiclyAccessible: true,
      }),
    ],
    quiet: [
      rdsCall("ModifyDBInstance", {
        dBInstanceIdentifier: "orders-db",
        publiclyAccessible: false,
        applyImmediately: true,
      }),
      rdsCall("ModifyDBInstance", { dBInstanceIdentifier: "orders-db", dBInstanceClass: "db.r6g.large" }),
      rdsCall("ModifyDBInstance", { dBInstanceIdentifier: "orders-db", publiclyAccessible: true }, "AccessDenied"),
    ],
  },
};
