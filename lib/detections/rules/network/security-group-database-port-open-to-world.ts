import type { TrailRule } from "../../rule";
import { authorizeCall, modifyCall } from "./security-group-fixtures";
import {
  SECURITY_GROUP_EVENTS,
  SECURITY_GROUP_REFERENCES,
  securityGroupOf,
  worldExposures,
} from "./security-group-permissions";

const INGRESS = "AuthorizeSecurityGroupIngress";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "security-group-database-port-open-to-world",
  version: 1,
  title: "Database port opened to the internet in a security group",
  severity: 4,
  description:
    "An inbound security group rule now allows a database port (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB 27017, Redis 6379, Elasticsearch 9200 and similar) from 0.0.0.0/0 or ::/0.",
  tactic: "initial-access",
  techniques: ["T1190", "T1562.007"],
  events: [...SECURITY_GROUP_EVENTS],
  match: (e) => e.ok && worldExposures(e).has("database"),
  resource: securityGroupOf,
  runbook: {
    check: [
      "Which databases or caches use the group (RDS instances, ElastiCache, self-managed hosts) and whether they require authentication.",
      "Who made the change; check the database's connection logs for internet clients since.",
    ],
    contain: [
      "Revoke the rule and allow only the application's security group.",
      "Rotate the database credentials if clients from the internet connected.",
    ],
    falsePositives: [
      "Test databases opened for a migration tool; prefer the tool's fixed addresses or a VPC endpoint, and add a dated exception.",
    ],
  },
  references: SECURITY_GROUP_REFERENCES,
  fixtures: {
    fire: [
      authorizeCall(INGRESS, { protocol: "tcp", from: 5432, to: 5432, source: "0.0.0.0/0" }),
      authorizeCall(INGRESS, { protocol: "tcp", from: 27017, to: 27019, source: "::/0" }),
      modifyCall({ protocol: "tcp", from: 6379, to: 6379, source: "0.0.0.0/0" }),
    ],
    quiet: [
      authorizeCall(INGRESS, { protocol: "tcp", from: 5432, to: 5432, source: "sg-0b1c2d3e4f5a6b7c8" }),
      authorizeCall(INGRESS, { protocol: "tcp", from: 3306, to: 3306, source: "172.31.0.0/16" }),
      authorizeCall(INGRESS, { protocol: "tcp", from: 3306, to: 3306, source: "0.0.0.0/0" }, true),
    ],
  },
};
