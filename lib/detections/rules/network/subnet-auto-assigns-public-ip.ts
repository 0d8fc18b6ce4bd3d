import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const modifySubnet = (attribute: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "ModifySubnetAttribute",
    requestParameters: { subnetId: "subnet-0b1a2c3d4e5f67890", ...attribute },
    responseElements: errorCode ? null : { requestId: "6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918", _return: true },
    ...(errorCode ? { errorCode, errorMessage: "You are not authorized to perform this operation." } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "subnet-auto-assigns-public-ip",
  version: 1,
  title: "Subnet set to give new instances public addresses",
  severity: 2,
  description:
    "MapPublicIpOnLaunch was turned on for a subnet: every instance launched in it from now on gets a public IPv4 address, reachable from the internet wherever its security groups allow.",
  tactic: "initial-access",
  techniques: ["T1190"],
  events: ["ModifySubnetAttribute"],
  match: (e) => {
    const v = (e.req?.mapPublicIpOnLaunch as { value?: unknown } | undefined)?.value;
    return e.ok && (v === true || v === "true");
  },
  resource: (e) => ({ type: "AwsEc2Subnet", id: e.param("subnetId") || null }),
  runbook: {
    check: [
      "Whether the subnet was meant to be private (its route table, its name and tags) and who changed it.",
      "Which instances launched in the subnet since, and what their security groups allow from the internet.",
    ],
    contain: [
      "Turn the attribute off again (ModifySubnetAttribute) and release public addresses that should not exist.",
    ],
    falsePositives: ["Public subnets of a new VPC are set up this way; add an exception for the deployment role."],
  },
  references: ["https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html"],
  fixtures: {
    fire: [modifySubnet({ mapPublicIpOnLaunch: { value: true } })],
    quiet: [
      modifySubnet({ mapPublicIpOnLaunch: { value: false } }),
      modifySubnet({ assignIpv6AddressOnCreation: { value: true } }),
      modifySubnet({ mapPublicIpOnLaunch: { value: true } }, "Client.UnauthorizedOperation"),
    ],
  },
};
