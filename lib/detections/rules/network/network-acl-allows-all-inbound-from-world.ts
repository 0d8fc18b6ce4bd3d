import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";

const WORLD = new Set(["0.0.0.0/0", "::/0"]);

/** The entry lets every protocol through, or every TCP/UDP port. */
const allTraffic = (e: TrailEvent): boolean => {
  const protocol = String(e.req?.aclProtocol ?? e.req?.protocol ?? "");
  if (protocol === "-1" || protocol.toLowerCase() === "all") return true;
  const range = e.req?.portRange as { from?: unknown; to?: unknown } | undefined;
  return (protocol === "6" || protocol === "17") && Number(range?.from) <= 1 && Number(range?.to) >= 65535;
};

const entry = (eventName: string, params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName,
    requestParameters: {
      networkAclId: "acl-0e5d4c3b2a1f09876",
      ruleNumber: 90,
      egress: false,
      ruleAction: "allow",
      icmpTypeCode: {},
      portRange: {},
      aclProtocol: "-1",
      cidrBlock: "0.0.0.0/0",
      ...params,
    },
    responseElements: errorCode ? null : { requestId: "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e", _return: true },
    ...(errorCode ? { errorCode, errorMessage: "You are not authorized to perform this operation." } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "network-acl-allows-all-inbound-from-world",
  version: 1,
  title: "Network ACL entry allows all inbound traffic from the internet",
  severity: 3,
  description:
    "A network ACL entry now allows every protocol (or every port) inbound from 0.0.0.0/0 or ::/0, removing the subnet-level filter in front of every host in the subnets using the ACL.",
  tactic: "initial-access",
  techniques: ["T1562.007", "T1190"],
  events: ["CreateNetworkAclEntry", "ReplaceNetworkAclEntry"],
  match: (e) =>
    e.ok &&
    String(e.req?.ruleAction ?? "").toLowerCase() === "allow" &&
    (e.req?.egress === false || e.req?.egress === "false") &&
    WORLD.has(e.param("cidrBlock") || e.param("ipv6CidrBlock")) &&
    allTraffic(e),
  resource: (e) => ({ type: "AwsEc2NetworkAcl", id: e.param("networkAclId") || null }),
  runbook: {
    check: [
      "Which subnets use the ACL, and whether an entry with a lower rule number denies the traffic first.",
      "Whether the ACL used to restrict inbound traffic, and who changed it.",
    ],
    contain: [
      "Restore the entry from infrastructure code (ReplaceNetworkAclEntry) or delete it (DeleteNetworkAclEntry).",
      "Check the security groups in those subnets: they are now the only filter left.",
    ],
    falsePositives: [
      "Public subnets often allow all inbound traffic at the ACL and filter with security groups; add an exception for those ACLs.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceNetworkAclEntry.html",
  ],
  fixtures: {
    fire: [
      entry("CreateNetworkAclEntry", {}),
      entry("ReplaceNetworkAclEntry", { aclProtocol: "6", portRange: { from: 0, to: 65535 } }),
      entry("CreateNetworkAclEntry", { cidrBlock: undefined, ipv6CidrBlock: "::/0", ruleNumber: 91 }),
    ],
    quiet: [
      entry("CreateNetworkAclEntry", { egress: true }),
      entry("CreateNetworkAclEntry", { ruleAction: "deny" }),
      entry("CreateNetworkAclEntry", { aclProtocol: "6", portRange: { from: 443, to: 443 } }),
      entry("ReplaceNetworkAclEntry", { cidrBlock: "10.0.0.0/8" }),
      entry("CreateNetworkAclEntry", {}, "Client.UnauthorizedOperation"),
    ],
  },
};
