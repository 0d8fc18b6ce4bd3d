import {
  AttachInstancesCommand,
  AutoScalingClient,
  DescribeAutoScalingInstancesCommand,
  DetachInstancesCommand,
} from "@aws-sdk/client-auto-scaling";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  ReplaceIamInstanceProfileAssociationCommand,
  RevokeSecurityGroupEgressCommand,
} from "@aws-sdk/client-ec2";
import { IAMClient, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { GetCommandInvocationCommand, SendCommandCommand, SSMClient } from "@aws-sdk/client-ssm";
import {
  type ApiResult,
  CloudActionError,
  type CloudControls,
  type CommandStatus,
  type GroupFacts,
  type InstanceFacts,
} from "@/lib/ports/cloud-controls";

/** Error codes that mean "try again later" (the state machine retries these with backoff). */
const TRANSIENT = new Set([
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "InternalError",
  "InternalFailure",
  "RequestTimeout",
  // SSM: the invocation is not visible yet right after SendCommand.
  "InvocationDoesNotExist",
]);

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const meta = (out: { $metadata?: { requestId?: string } }) => out.$metadata?.requestId ?? null;
const WORLD_IPV4 = [{ CidrIp: "0.0.0.0/0" }];
const WORLD_IPV6 = [{ CidrIpv6: "::/0" }];

/**
 * Incident-response actions with the AWS SDK v3 (EC2, Auto Scaling, SSM, IAM). Every call's
 * refusal becomes a CloudActionError carrying the API's error code; throttling and 5xx are marked
 * transient so the state machine's Retry handles them.
 */
export class AwsCloudControls implements CloudControls {
  readonly simulated = false;
  private readonly ec2: EC2Client;
  private readonly asg: AutoScalingClient;
  private readonly ssm: SSMClient;
  private readonly iam: IAMClient;

  constructor(
    opts: { region?: string; ec2?: EC2Client; asg?: AutoScalingClient; ssm?: SSMClient; iam?: IAMClient } = {},
  ) {
    this.ec2 = opts.ec2 ?? new EC2Client({ region: opts.region });
    this.asg = opts.asg ?? new AutoScalingClient({ region: opts.region });
    this.ssm = opts.ssm ?? new SSMClient({ region: opts.region });
    this.iam = opts.iam ?? new IAMClient({ region: opts.region });
  }

  private async api<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const e = err as SdkError;
      const code = e.name ?? "UnknownError";
      const transient = TRANSIENT.has(code) || (e.$metadata?.httpStatusCode ?? 0) >= 500;
      throw new CloudActionError(action, code, e.message ?? String(err), transient);
    }
  }

  async describeInstance(instanceId: string): Promise<InstanceFacts | null> {
    const out = await this.api("DescribeInstances", () =>
      this.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })),
    ).catch((err: CloudActionError) => {
      if (err.code === "InvalidInstanceID.NotFound") return null;
      throw err;
    });
    const i = out?.Reservations?.[0]?.Instances?.[0];
    if (!i) return null;
    const [protection, assoc, asg] = await Promise.all([
      this.api("DescribeInstanceAttribute", () =>
        this.ec2.send(
          new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: "disableApiTermination" }),
        ),
      ),
      this.api("DescribeIamInstanceProfileAssociations", () =>
        this.ec2.send(
          new DescribeIamInstanceProfileAssociationsCommand({
            Filters: [
              { Name: "instance-id", Values: [instanceId] },
              { Name: "state", Values: ["associated"] },
            ],
          }),
        ),
      ),
      this.api("DescribeAutoScalingInstances", () =>
        this.asg.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [instanceId] })),
      ),
    ]);
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

  async describeGroups(groupIds: readonly string[]): Promise<GroupFacts[]> {
    if (!groupIds.length) return [];
    const out = await this.api("DescribeSecurityGroups", () =>
      this.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })),
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

  async isolationGroups(vpcId: string) {
    const created: ApiResult[] = [];
    const ensure = async (role: "transition" | "isolation") => {
      const name = `sightline-quarantine-${role}`;
      const found = await this.api("DescribeSecurityGroups", () =>
        this.ec2.send(
          new DescribeSecurityGroupsCommand({
            Filters: [
              { Name: "vpc-id", Values: [vpcId] },
              { Name: "group-name", Values: [name] },
            ],
          }),
        ),
      );
      const existing = found.SecurityGroups?.[0]?.GroupId;
      if (existing) return existing;
      const out = await this.api("CreateSecurityGroup", () =>
        this.ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: name,
            VpcId: vpcId,
            Description:
              role === "transition"
                ? "Sightline quarantine step 1: all traffic, so tracked connections become untracked"
                : "Sightline quarantine step 2: no rules",
            TagSpecifications: [
              { ResourceType: "security-group", Tags: [{ Key: "sightline:quarantine", Value: role }] },
            ],
          }),
        ),
      );
      const groupId = out.GroupId ?? "";
      created.push({
        action: "CreateSecurityGroup",
        requestId: meta(out),
        detail: { groupId, groupName: name, vpcId },
      });
      if (role === "transition") {
        // New groups allow all egress already; allow all ingress too.
        const auth = await this.api("AuthorizeSecurityGroupIngress", () =>
          this.ec2.send(
            new AuthorizeSecurityGroupIngressCommand({
              GroupId: groupId,
              IpPermissions: [{ IpProtocol: "-1", IpRanges: WORLD_IPV4, Ipv6Ranges: WORLD_IPV6 }],
            }),
          ),
        );
        created.push({ action: "AuthorizeSecurityGroupIngress", requestId: meta(auth), detail: { groupId } });
      } else {
        // A new group comes with an allow-all egress rule: remove it so the group has no rules.
        const revoke = await this.api("RevokeSecurityGroupEgress", () =>
          this.ec2.send(
            new RevokeSecurityGroupEgressCommand({
              GroupId: groupId,
              IpPermissions: [{ IpProtocol: "-1", IpRanges: WORLD_IPV4 }],
            }),
          ),
        );
        created.push({ action: "RevokeSecurityGroupEgress", requestId: meta(revoke), detail: { groupId } });
      }
      return groupId;
    };
    return { transition: await ensure("transition"), isolation: await ensure("isolation"), created };
  }

  async setEniGroups(eniId: string, groupIds: readonly string[]): Promise<ApiResult> {
    const out = await this.api("ModifyNetworkInterfaceAttribute", () =>
      this.ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Groups: [...groupIds] })),
    );
    return {
      action: "ModifyNetworkInterfaceAttribute",
      requestId: meta(out),
      detail: { networkInterfaceId: eniId, groups: [...groupIds] },
    };
  }

  async detachFromAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    const out = await this.api("DetachInstances", () =>
      this.asg.send(
        new DetachInstancesCommand({
          InstanceIds: [instanceId],
          AutoScalingGroupName: asgName,
          // Keep the group's capacity: it launches a replacement instead of terminating anything.
          ShouldDecrementDesiredCapacity: false,
        }),
      ),
    );
    return {
      action: "DetachInstances",
      requestId: meta(out),
      detail: {
        autoScalingGroupName: asgName,
        activities: (out.Activities ?? []).map((a) => ({
          activityId: a.ActivityId,
          statusCode: a.StatusCode,
          description: a.Description,
        })),
      },
    };
  }

  async attachToAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    const out = await this.api("AttachInstances", () =>
      this.asg.send(new AttachInstancesCommand({ InstanceIds: [instanceId], AutoScalingGroupName: asgName })),
    );
    return { action: "AttachInstances", requestId: meta(out), detail: { autoScalingGroupName: asgName } };
  }

  async setTerminationProtection(instanceId: string, enabled: boolean): Promise<ApiResult> {
    const out = await this.api("ModifyInstanceAttribute", () =>
      this.ec2.send(
        new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: enabled } }),
      ),
    );
    return {
      action: "ModifyInstanceAttribute",
      requestId: meta(out),
      detail: { instanceId, disableApiTermination: enabled },
    };
  }

  async snapshotVolume(volumeId: string, description: string, tags: Record<string, string>): Promise<ApiResult> {
    const out = await this.api("CreateSnapshot", () =>
      this.ec2.send(
        new CreateSnapshotCommand({
          VolumeId: volumeId,
          Description: description,
          TagSpecifications: [
            { ResourceType: "snapshot", Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
          ],
        }),
      ),
    );
    return {
      action: "CreateSnapshot",
      requestId: meta(out),
      detail: { snapshotId: out.SnapshotId, volumeId, state: out.State },
    };
  }

  async tagInstance(instanceId: string, tags: Record<string, string>): Promise<ApiResult> {
    const out = await this.api("CreateTags", () =>
      this.ec2.send(
        new CreateTagsCommand({
          Resources: [instanceId],
          Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
    );
    return { action: "CreateTags", requestId: meta(out), detail: { resources: [instanceId], tags } };
  }

  async untagInstance(instanceId: string, keys: readonly string[]): Promise<ApiResult> {
    const out = await this.api("DeleteTags", () =>
      this.ec2.send(new DeleteTagsCommand({ Resources: [instanceId], Tags: keys.map((Key) => ({ Key })) })),
    );
    return { action: "DeleteTags", requestId: meta(out), detail: { resources: [instanceId], keys: [...keys] } };
  }

  async replaceProfile(associationId: string, profileArn: string): Promise<ApiResult> {
    const out = await this.api("ReplaceIamInstanceProfileAssociation", () =>
      this.ec2.send(
        new ReplaceIamInstanceProfileAssociationCommand({
          AssociationId: associationId,
          IamInstanceProfile: { Arn: profileArn },
        }),
      ),
    );
    return {
      action: "ReplaceIamInstanceProfileAssociation",
      requestId: meta(out),
      detail: {
        associationId: out.IamInstanceProfileAssociation?.AssociationId,
        profileArn,
        state: out.IamInstanceProfileAssociation?.State,
      },
    };
  }

  async setAccessKeyStatus(userName: string, accessKeyId: string, status: "Active" | "Inactive"): Promise<ApiResult> {
    const out = await this.api("UpdateAccessKey", () =>
      this.iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: status })),
    );
    return { action: "UpdateAccessKey", requestId: meta(out), detail: { userName, accessKeyId, status } };
  }

  async sendCollection(
    instanceId: string,
    args: { script: readonly string[]; evidencePrefix: string; comment: string },
  ) {
    const out = await this.api("SendCommand", () =>
      this.ssm.send(
        new SendCommandCommand({
          DocumentName: "AWS-RunShellScript",
          InstanceIds: [instanceId],
          Parameters: { commands: [...args.script], executionTimeout: ["900"] },
          Comment: args.comment.slice(0, 100),
          TimeoutSeconds: 600,
        }),
      ),
    );
    return {
      action: "SendCommand",
      requestId: meta(out),
      detail: { commandId: out.Command?.CommandId, documentName: "AWS-RunShellScript", status: out.Command?.Status },
    };
  }

  async commandStatus(commandId: string, instanceId: string): Promise<CommandStatus> {
    const out = await this.api("GetCommandInvocation", () =>
      this.ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: instanceId })),
    );
    return {
      status: (out.Status ?? "Pending") as CommandStatus["status"],
      stdout: out.StandardOutputContent ?? "",
      stderr: out.StandardErrorContent ?? "",
    };
  }
}
