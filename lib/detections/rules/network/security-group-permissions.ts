import type { TrailEvent } from "../../trail-event";
import { requestField, requestText } from "./shared";

/** Well-known database and data-store ports (facts about the engines' default listeners). */
export const DATABASE_PORTS: ReadonlySet<number> = new Set([
  1433, // Microsoft SQL Server
  1521, // Oracle
  3306, // MySQL, MariaDB, Aurora MySQL
  5432, // PostgreSQL, Aurora PostgreSQL
  5439, // Redshift
  5984, // CouchDB
  6379, // Redis, Valkey
  9042, // Cassandra CQL
  9200, // Elasticsearch / OpenSearch HTTP
  11211, // Memcached
  27017, // MongoDB
]);

/**
 * What one world-open permission exposes. Each permission is one kind, the first that fits in this
 * order, so one change raises one finding: every port or protocol, SSH, RDP, a database port, other.
 */
export type Exposure = "all" | "ssh" | "rdp" | "database" | "other";

interface Permission {
  protocol: "all" | "tcp" | "udp" | "other";
  from: number | null;
  to: number | null;
  cidrs: string[];
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
/** XML-derived lists: `{items: [...]}` or `{item: ...}`, a single object or an array. */
const items = (v: unknown): Record<string, unknown>[] => {
  const o = obj(v);
  const list = o.items ?? o.item ?? [];
  return (Array.isArray(list) ? list : [list]).map(obj);
};
const port = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};
const protocolOf = (v: unknown): Permission["protocol"] => {
  const p = String(v ?? "").toLowerCase();
  if (p === "-1" || p === "all") return "all";
  if (p === "tcp" || p === "6") return "tcp";
  if (p === "udp" || p === "17") return "udp";
  return "other";
};
const texts = (...vs: unknown[]) => vs.filter((v): v is string => typeof v === "string" && v !== "");

/** Every permission a security group call adds or sets, in any of the forms CloudTrail records. */
function permissionsOf(e: TrailEvent): Permission[] {
  const req = e.req ?? {};
  const out: Permission[] = [];
  for (const p of items(req.ipPermissions)) {
    out.push({
      protocol: protocolOf(p.ipProtocol),
      from: port(p.fromPort),
      to: port(p.toPort),
      cidrs: [...items(p.ipRanges).map((r) => r.cidrIp), ...items(p.ipv6Ranges).map((r) => r.cidrIpv6)].filter(
        (c): c is string => typeof c === "string",
      ),
    });
  }
  // The older single-rule form: CidrIp, IpProtocol, FromPort and ToPort at the top level.
  if (typeof req.cidrIp === "string")
    out.push({
      protocol: protocolOf(req.ipProtocol),
      from: port(req.fromPort),
      to: port(req.toPort),
      cidrs: [req.cidrIp],
    });
  const updates = requestField(e, "securityGroupRule");
  for (const u of Array.isArray(updates) ? updates : [updates]) {
    const r = obj(obj(u).SecurityGroupRule);
    if (Object.keys(r).length === 0) continue;
    const cidrs = texts(r.CidrIpv4, r.CidrIpv6);
    out.push({ protocol: protocolOf(r.IpProtocol), from: port(r.FromPort), to: port(r.ToPort), cidrs });
  }
  return out;
}

const WORLD = new Set(["0.0.0.0/0", "::/0"]);

function exposureOf(p: Permission): Exposure {
  const covers = (n: number) => p.from !== null && p.to !== null && p.from <= n && n <= p.to;
  if (p.protocol === "all") return "all";
  if (p.protocol === "other") return "other";
  if (covers(1) && covers(65535)) return "all";
  if (p.protocol === "tcp" && covers(22)) return "ssh";
  if (covers(3389)) return "rdp";
  if (p.protocol === "tcp" && [...DATABASE_PORTS].some(covers)) return "database";
  return "other";
}

/** The kinds of exposure the call opens to every address (0.0.0.0/0 or ::/0). */
export const worldExposures = (e: TrailEvent): Set<Exposure> =>
  new Set(
    permissionsOf(e)
      .filter((p) => p.cidrs.some((c) => WORLD.has(c)))
      .map(exposureOf),
  );

/** The security group the call changed (its id; the name for calls that named the group). */
export const securityGroupOf = (e: TrailEvent) => ({
  type: "AwsEc2SecurityGroup",
  id: requestText(e, "groupId") || e.param("groupName") || null,
});

export const SECURITY_GROUP_EVENTS = ["AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules"] as const;

export const SECURITY_GROUP_REFERENCES = [
  "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html",
  "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySecurityGroupRules.html",
  "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
];
