import type { FlowRule } from "../../rule";
import { DATABASE_PORTS } from "./security-group-permissions";
import { inboundFixtures, inboundFromInternet, perDestinationDaily } from "./shared";

const postgres = inboundFixtures(5432);
const redis = inboundFixtures(6379);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-inbound-database-from-internet",
  version: 1,
  title: "Database connection from the internet accepted",
  severity: 4,
  description:
    "A VPC flow log recorded an accepted TCP connection from an internet address to a database port (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Elasticsearch and similar) of a private address.",
  tactic: "initial-access",
  techniques: ["T1190"],
  match: (row) => inboundFromInternet(row, DATABASE_PORTS),
  dedup: perDestinationDaily,
  runbook: {
    check: [
      "Which database or cache owns the interface (RDS, ElastiCache, OpenSearch, a self-managed host) and whether it requires authentication.",
      "The database's own connection and audit logs for those client addresses; how much data the flows returned (bytes of the reply records).",
    ],
    contain: [
      "Remove the internet-facing security group rule and allow only the application's security group.",
      "Rotate the database credentials and review recent queries if a client authenticated.",
    ],
    falsePositives: [
      "Managed analytics or migration services that connect from public addresses; allow their published ranges only and add an exception.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
  ],
  fixtures: { fire: [postgres.open, redis.open], quiet: [postgres.rejected, postgres.internal, redis.reply] },
};
