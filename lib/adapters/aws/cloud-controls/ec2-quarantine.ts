import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  ModifyNetworkInterfaceAttributeCommand,
  RevokeSecurityGroupEgressCommand,
} from "@aws-sdk/client-ec2";
import type { ApiResult } from "@/lib/ports/cloud-controls";
import { callAws, requestIdOf } from "./call-aws";

type Role = "transition" | "isolation";

const WORLD_IPV4 = [{ CidrIp: "0.0.0.0/0" }];
const WORLD_IPV6 = [{ CidrIpv6: "::/0" }];

const DESCRIPTION: Record<Role, string> = {
  transition: "Sightline quarantine step 1: all traffic, so tracked connections become untracked",
  isolation: "Sightline quarantine step 2: no rules",
};

async function findGroup(ec2: EC2Client, vpcId: string, name: string): Promise<string | undefined> {
  const found = await callAws("DescribeSecurityGroups", () =>
    ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: "vpc-id", Values: [vpcId] },
          { Name: "group-name", Values: [name] },
        ],
      }),
    ),
  );
  return found.SecurityGroups?.[0]?.GroupId;
}

/** Gives a new group its role's rules: all traffic in and out, or none at all. */
async function shapeGroup(ec2: EC2Client, groupId: string, role: Role): Promise<ApiResult> {
  if (role === "transition") {
    // New groups allow all egress already; allow all ingress too.
    const auth = await callAws("AuthorizeSecurityGroupIngress", () =>
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: groupId,
          IpPermissions: [{ IpProtocol: "-1", IpRanges: WORLD_IPV4, Ipv6Ranges: WORLD_IPV6 }],
        }),
      ),
    );
    return { action: "AuthorizeSecurityGroupIngress", requestId: requestIdOf(auth), detail: { groupId } };
  }
  // A new group comes with an allow-all egress rule: remove it so the group has no rules.
  const revoke = await callAws("RevokeSecurityGroupEgress", () =>
    ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: groupId,
        IpPermissions: [{ IpProtocol: "-1", IpRanges: WORLD_IPV4 }],
      }),
    ),
  );
  return { action: "RevokeSecurityGroupEgress", requestId: requestIdOf(revoke), detail: { groupId } };
}

/** The role's quarantine group in the VPC, created (and shaped) when missing; `created` gets the calls made. */
async function ensureGroup(ec2: EC2Client, vpcId: string, role: Role, created: ApiResult[]): Promise<string> {
  const name = `sightline-quarantine-${role}`;
  const existing = await findGroup(ec2, vpcId, name);
  if (existing) return existing;
  const out = await callAws("CreateSecurityGroup", () =>
    ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: name,
        VpcId: vpcId,
        Description: DESCRIPTION[role],
        TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: "sightline:quarantine", Value: role }] }],
      }),
    ),
  );
  const groupId = out.GroupId ?? "";
  created.push({
    action: "CreateSecurityGroup",
    requestId: requestIdOf(out),
    detail: { groupId, groupName: name, vpcId },
  });
  created.push(await shapeGroup(ec2, groupId, role));
  return groupId;
}

export async function isolationGroups(ec2: EC2Client, vpcId: string) {
  const created: ApiResult[] = [];
  return {
    transition: await ensureGroup(ec2, vpcId, "transition", created),
    isolation: await ensureGroup(ec2, vpcId, "isolation", created),
    created,
  };
}

export async function setEniGroups(ec2: EC2Client, eniId: string, groupIds: readonly string[]): Promise<ApiResult> {
  const out = await callAws("ModifyNetworkInterfaceAttribute", () =>
    ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Groups: [...groupIds] })),
  );
  return {
    action: "ModifyNetworkInterfaceAttribute",
    requestId: requestIdOf(out),
    detail: { networkInterfaceId: eniId, groups: [...groupIds] },
  };
}
