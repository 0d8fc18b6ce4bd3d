import { type AutoScalingClient, DescribeAutoScalingInstancesCommand } from "@aws-sdk/client-auto-scaling";
import {
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  type Instance,
} from "@aws-sdk/client-ec2";
import type { CloudActionError, GroupFacts, InstanceFacts } from "@/lib/ports/cloud-controls";
import { callAws } from "./call-aws";

async function findInstance(ec2: EC2Client, instanceId: string): Promise<Instance | null> {
  const out = await callAws("DescribeInstances", () =>
    ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })),
  ).catch((err: CloudActionError) => {
    if (err.code === "InvalidInstanceID.NotFound") return null;
    throw err;
  });
  return out?.Reservations?.[0]?.Instances?.[0] ?? null;
}

/** What the instance's own description leaves out: termination protection, profile association, ASG. */
function describeAttachments(clients: { ec2: EC2Client; asg: AutoScalingClient }, instanceId: string) {
  return Promise.all([
    callAws("DescribeInstanceAttribute", () =>
      clients.ec2.send(
        new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: "disableApiTermination" }),
      ),
    ),
    callAws("DescribeIamInstanceProfileAssociations", () =>
      clients.ec2.send(
        new DescribeIamInstanceProfileAssociationsCommand({
          Filters: [
            { Name: "instance-id", Values: [instanceId] },
            { Name: "state", Values: ["associated"] },
          ],
        }),
      ),
    ),
    callAws("DescribeAutoScalingInstances", () =>
      clients.asg.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [instanceId] })),
    ),
  ]);
}

export async function describeInstance(
  clients: { ec2: EC2Client; asg: AutoScalingClient },
  instanceId: string,
): Promise<InstanceFacts | null> {
  const i = await findInstance(clients.ec2, instanceId);
  if (!i) return null;
  const [protection, assoc, asg] = await describeAttachments(clients, instanceId);
  const a = assoc.IamInstanceProfileAssociations?.[0];
  return {
    instanceId,
    state: i.State?.Name ?? "unknown",
    instanceType: i.InstanceType ?? null,
    vpcId: i.VpcId ?? "",
    subnetId: i.SubnetId ?? null,
    tags: Object.fromEntries((i.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""])),
    enis: (i.NetworkInterfaces ?? []).map((n) => ({
      eniId: n.NetworkInterfaceId ?? "",
      privateIp: n.PrivateIpAddress ?? null,
      groups: (n.Groups ?? []).map((g) => g.GroupId ?? ""),
    })),
    profile:
      a?.IamInstanceProfile?.Arn && a.AssociationId
        ? { arn: a.IamInstanceProfile.Arn, associationId: a.AssociationId }
        : null,
    asg: asg.AutoScalingInstances?.[0]?.AutoScalingGroupName ?? null,
    volumes: (i.BlockDeviceMappings ?? [])
      .filter((b) => b.Ebs?.VolumeId)
      .map((b) => ({ volumeId: b.Ebs?.VolumeId ?? "", device: b.DeviceName ?? "" })),
    terminationProtection: protection.DisableApiTermination?.Value ?? false,
  };
}

export async function describeGroups(ec2: EC2Client, groupIds: readonly string[]): Promise<GroupFacts[]> {
  if (!groupIds.length) return [];
  const out = await callAws("DescribeSecurityGroups", () =>
    ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })),
  );
  return (out.SecurityGroups ?? []).map((g) => ({
    groupId: g.GroupId ?? "",
    name: g.GroupName ?? "",
    ingressRules: g.IpPermissions?.length ?? 0,
    egressRules: g.IpPermissionsEgress?.length ?? 0,
    openToWorld: (g.IpPermissions ?? []).some(
      (p) => p.IpRanges?.some((r) => r.CidrIp === "0.0.0.0/0") || p.Ipv6Ranges?.some((r) => r.CidrIpv6 === "::/0"),
    ),
  }));
}
