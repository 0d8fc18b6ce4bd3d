import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const gatewayCall = (eventName: string, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName,
    requestParameters: { internetGatewayId: "igw-0c1d2e3f4a5b6c7d8", vpcId: "vpc-0123456789abcdef0" },
    responseElements: errorCode ? null : { requestId: "2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7", _return: true },
    ...(errorCode ? { errorCode, errorMessage: "You are not authorized to perform this operation." } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "internet-gateway-attached",
  version: 1,
  title: "Internet gateway attached to a VPC",
  severity: 2,
  description:
    "An internet gateway was attached to a VPC. With a route to it, the VPC's subnets can reach the internet directly; in a VPC meant to be isolated, that is a new way out.",
  tactic: "exfiltration",
  techniques: ["T1048", "T1599"],
  events: ["AttachInternetGateway"],
  match: (e) => e.ok,
  resource: (e) => ({ type: "AwsEc2Vpc", id: e.param("vpcId") || null }),
  runbook: {
    check: [
      "Whether the VPC is meant to be isolated (data, build or management networks) and who attached the gateway.",
      "Whether routes to the gateway (CreateRoute) followed.",
    ],
    contain: ["Detach the gateway (DetachInternetGateway) and remove the routes that point at it."],
    falsePositives: ["New VPCs built from infrastructure code; add an exception for the deployment role."],
  },
  references: ["https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachInternetGateway.html"],
  fixtures: {
    fire: [gatewayCall("AttachInternetGateway")],
    quiet: [gatewayCall("DetachInternetGateway"), gatewayCall("AttachInternetGateway", "Client.UnauthorizedOperation")],
  },
};
