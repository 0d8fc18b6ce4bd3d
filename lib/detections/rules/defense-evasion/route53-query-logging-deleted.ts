import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";
import { apiCall, DENIED, okFrom } from "./shared";

/** Each call and the service that records it: public hosted zone query logs, and VPC resolver query logs. */
const SOURCES: Record<string, string> = {
  DeleteQueryLoggingConfig: "route53.amazonaws.com",
  DeleteResolverQueryLogConfig: "route53resolver.amazonaws.com",
  DisassociateResolverQueryLogConfig: "route53resolver.amazonaws.com",
};

const CONFIG = "rqlc-8ca61fe7c055415a";

const target = (e: TrailEvent) => e.param("resourceId") || e.param("resolverQueryLogConfigId") || e.param("id") || null;

const resolver = (eventName: string, params: Record<string, unknown>, more = {}) =>
  apiCall("route53resolver.amazonaws.com", eventName, { resolverQueryLogConfigId: CONFIG, ...params }, more);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "route53-query-logging-deleted",
  version: 1,
  title: "Route 53 DNS query logging removed",
  severity: 3,
  description:
    "A Route 53 query logging configuration was deleted, or a VPC was detached from resolver query logging: DNS lookups (a common trace of command-and-control and exfiltration) are no longer recorded.",
  tactic: "defense-evasion",
  techniques: ["T1562.008"],
  events: Object.keys(SOURCES),
  match: (e) => okFrom(e, SOURCES[e.name] ?? ""),
  resource: (e) => ({
    type: e.param("resourceId") ? "AwsEc2Vpc" : "AwsRoute53QueryLoggingConfig",
    id: target(e),
  }),
  runbook: {
    check: [
      "Which VPCs or hosted zones lost DNS logging, and what runs in them.",
      "Whether the workloads there made unusual lookups shortly before (the last logged queries) or unusual connections after (flow logs).",
    ],
    contain: [
      "Re-associate the VPCs (AssociateResolverQueryLogConfig) or recreate the configuration, and limit these calls to the network platform role.",
    ],
    falsePositives: ["Deleting a VPC or moving logging to a new destination; expect a new association nearby."],
  },
  references: [
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_DeleteQueryLoggingConfig.html",
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_DeleteResolverQueryLogConfig.html",
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_DisassociateResolverQueryLogConfig.html",
  ],
  fixtures: {
    fire: [
      resolver("DisassociateResolverQueryLogConfig", { resourceId: "vpc-0a1b2c3d4e5f60718" }),
      resolver("DeleteResolverQueryLogConfig", {}),
      apiCall("route53.amazonaws.com", "DeleteQueryLoggingConfig", { id: "87654321-dcba-1234-abcd-1a2b3c4d5e6f" }),
    ],
    quiet: [
      resolver("AssociateResolverQueryLogConfig", { resourceId: "vpc-0a1b2c3d4e5f60718" }),
      resolver("DeleteResolverQueryLogConfig", {}, DENIED),
    ],
  },
};
