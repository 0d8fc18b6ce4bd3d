import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const rds = call("rds");

const modify = (eventName: string, requestParameters: Record<string, unknown>, errorCode?: string) =>
  rds(eventName, { applyImmediately: true, ...requestParameters }, { userIdentity: iamUser("yusuf"), errorCode });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "rds-master-password-changed",
  version: 1,
  title: "Database master password reset through the RDS API",
  severity: 3,
  description:
    "ModifyDBInstance or ModifyDBCluster set a new master user password. Anyone with rds:Modify* can take over the database's administrator account this way, without knowing the old password.",
  tactic: "persistence",
  techniques: ["T1098"],
  events: ["ModifyDBInstance", "ModifyDBCluster"],
  match: (e) => e.ok && e.req?.masterUserPassword !== undefined,
  resource: (e) =>
    e.param("dBClusterIdentifier")
      ? { type: "AwsRdsDbCluster", id: e.param("dBClusterIdentifier") }
      : { type: "AwsRdsDbInstance", id: e.param("dBInstanceIdentifier") || null },
  runbook: {
    check: [
      "Whether the database owners reset the password (rotation, lost credential) and whether the instance is reachable from outside.",
      "Connections to the database after the change (database logs, VPC Flow Logs to the database port).",
    ],
    contain: [
      "Set a new password kept in Secrets Manager (or turn on manageMasterUserPassword) and review database users created since.",
    ],
    falsePositives: [
      "Planned rotations run by hand; prefer Secrets Manager managed rotation, or add an exception for the owning role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBCluster.html",
  ],
  fixtures: {
    fire: [
      modify("ModifyDBInstance", { dBInstanceIdentifier: "orders-db", masterUserPassword: "****" }),
      modify("ModifyDBCluster", { dBClusterIdentifier: "billing-aurora", masterUserPassword: "****" }),
    ],
    quiet: [
      modify("ModifyDBInstance", { dBInstanceIdentifier: "orders-db", dBInstanceClass: "db.r6g.large" }),
      modify("ModifyDBInstance", { dBInstanceIdentifier: "orders-db", masterUserPassword: "****" }, "AccessDenied"),
    ],
  },
};
