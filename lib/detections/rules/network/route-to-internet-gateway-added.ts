import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const route = (eventName: string, params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName,
    requestParameters: { routeTableId: "rtb-0a9b8c7d6e5f43210", destinationCidrBlock: "0.0.0.0/0", ...params },
    responseElements: errorCode ? null : { requestId: "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928", _return: true },
    ...(errorCode ? { errorCode, errorMessage: "You are not authorized to perform this operation." } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "route-to-internet-gateway-added",
  version: 1,
  title: "Default route to an internet gateway added",
  severity: 2,
  description:
    "A route table now sends 0.0.0.0/0 or ::/0 to an internet gateway: the subnets using it gain a direct path to and from the internet. Done to a private subnet, it opens a way out for data.",
  tactic: "exfiltration",
  techniques: ["T1048", "T1599"],
  events: ["CreateRoute", "ReplaceRoute"],
  match: (e) =>
    e.ok &&
    (e.param("destinationCidrBlock") === "0.0.0.0/0" || e.param("destinationIpv6CidrBlock") === "::/0") &&
    e.param("gatewayId").startsWith("igw-"),
  resource: (e) => ({ type: "AwsEc2RouteTable", id: e.param("routeTableId") || null }),
  runbook: {
    check: [
      "Which subnets the route table serves, and whether they were meant to be private (a NAT gateway route replaced is a strong sign).",
      "Who made the change and whether security groups or network ACLs in those subnets changed too.",
    ],
    contain: [
      "Restore the previous route (a NAT gateway, a firewall endpoint or none) with ReplaceRoute or DeleteRoute.",
    ],
    falsePositives: [
      "Building a new VPC's public subnets creates this route; add an exception for the deployment role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRoute.html",
  ],
  fixtures: {
    fire: [
      route("CreateRoute", { gatewayId: "igw-0c1d2e3f4a5b6c7d8" }),
      route("ReplaceRoute", {
        destinationCidrBlock: undefined,
        destinationIpv6CidrBlock: "::/0",
        gatewayId: "igw-0c1d2e3f4a5b6c7d8",
      }),
    ],
    quiet: [
      route("CreateRoute", { natGatewayId: "nat-0f1e2d3c4b5a69788" }),
      route("CreateRoute", { gatewayId: "vgw-0a1b2c3d4e5f60789" }),
      route("CreateRoute", { destinationCidrBlock: "192.0.2.0/24", gatewayId: "igw-0c1d2e3f4a5b6c7d8" }),
      route("CreateRoute", { gatewayId: "igw-0c1d2e3f4a5b6c7d8" }, "Client.UnauthorizedOperation"),
    ],
  },
};
