import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import type { TrailEvent } from "../../trail-event";

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The owners of the two VPCs, from the accepted connection in the response. */
const owners = (e: TrailEvent) => {
  const pcx = obj(e.resp?.vpcPeeringConnection);
  return {
    requester: String(obj(pcx.requesterVpcInfo).ownerId ?? ""),
    accepter: String(obj(pcx.accepterVpcInfo).ownerId ?? ""),
  };
};

const accept = (requesterAccount: string, errorCode?: string) =>
  trailRecord({
    eventSource: "ec2.amazonaws.com",
    eventName: "AcceptVpcPeeringConnection",
    requestParameters: { vpcPeeringConnectionId: "pcx-0d1c2b3a4f5e6d7c8" },
    responseElements: errorCode
      ? null
      : {
          requestId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
          vpcPeeringConnection: {
            vpcPeeringConnectionId: "pcx-0d1c2b3a4f5e6d7c8",
            requesterVpcInfo: {
              ownerId: requesterAccount,
              vpcId: "vpc-0fedcba9876543210",
              cidrBlock: "10.99.0.0/16",
              region: FIXTURE.region,
            },
            accepterVpcInfo: {
              ownerId: FIXTURE.account,
              vpcId: "vpc-0123456789abcdef0",
              cidrBlock: "10.0.0.0/16",
              region: FIXTURE.region,
            },
            status: { code: "provisioning", message: "Provisioning" },
            tagSet: {},
          },
        },
    ...(errorCode ? { errorCode, errorMessage: "You are not authorized to perform this operation." } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "vpc-peering-accepted-from-other-account",
  version: 1,
  title: "VPC peering with another account accepted",
  severity: 3,
  description:
    "A VPC peering connection requested by a VPC in another AWS account was accepted: once routes exist, hosts in that account can reach this VPC's private addresses, and the reverse.",
  tactic: "initial-access",
  techniques: ["T1199"],
  events: ["AcceptVpcPeeringConnection"],
  match: (e) => {
    if (!e.ok) return false;
    const { requester, accepter } = owners(e);
    return requester !== "" && requester !== (accepter || String(e.row.recipient_account_id ?? ""));
  },
  resource: (e) => ({ type: "AwsEc2VpcPeeringConnection", id: e.param("vpcPeeringConnectionId") || null }),
  runbook: {
    check: [
      "Whose account requested the peering (the requester's owner id) and whether it belongs to the organization or a known partner.",
      "Which route tables point at the connection and which security groups allow the peer's address range.",
    ],
    contain: ["Delete the peering connection (DeleteVpcPeeringConnection) and the routes that use it."],
    falsePositives: [
      "Peering with the organization's shared-services or partner accounts; add an exception for those requester accounts.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AcceptVpcPeeringConnection.html",
    "https://docs.aws.amazon.com/vpc/latest/peering/what-is-vpc-peering.html",
  ],
  fixtures: {
    fire: [accept(FIXTURE.otherAccount)],
    quiet: [accept(FIXTURE.account), accept(FIXTURE.otherAccount, "Client.UnauthorizedOperation")],
  },
};
