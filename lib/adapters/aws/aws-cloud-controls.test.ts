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
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  EC2ServiceException,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  RevokeSecurityGroupEgressCommand,
} from "@aws-sdk/client-ec2";
import { IAMClient, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { GetCommandInvocationCommand, SendCommandCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, test } from "vitest";
import { emailPayload } from "@/lib/notify/render";
import { CloudActionError } from "@/lib/ports/cloud-controls";
import { AwsCloudControls } from "./aws-cloud-controls";
import { SesEmailSender } from "./ses-email";

const ec2 = mockClient(EC2Client);
const asg = mockClient(AutoScalingClient);
const ssm = mockClient(SSMClient);
const iam = mockClient(IAMClient);
const ses = mockClient(SESv2Client);
const controls = () => new AwsCloudControls({ region: "eu-west-1" });
const ok = { $metadata: { requestId: "req-1" } };

beforeEach(() => {
  for (const m of [ec2, asg, ssm, iam, ses]) m.reset();
});

const sdkError = (name: string, status: number) =>
  new EC2ServiceException({
    name,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
    message: `${name} says no`,
  });

describe("AwsCloudControls", () => {
  test("describeInstance reads ENIs and groups, volumes, profile association, ASG membership and termination protection", async () => {
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: "i-0abc",
              State: { Name: "running" },
              InstanceType: "t3.medium",
              VpcId: "vpc-1",
              SubnetId: "subnet-1",
              Tags: [{ Key: "Name", Value: "web-1" }],
              NetworkInterfaces: [
                { NetworkInterfaceId: "eni-1", PrivateIpAddress: "10.0.0.5", Groups: [{ GroupId: "sg-app" }] },
              ],
              BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeId: "vol-1" } }],
            },
          ],
        },
      ],
    });
    ec2.on(DescribeInstanceAttributeCommand).resolves({ DisableApiTermination: { Value: false } });
    ec2.on(DescribeIamInstanceProfileAssociationsCommand).resolves({
      IamInstanceProfileAssociations: [
        { AssociationId: "iip-assoc-1", IamInstanceProfile: { Arn: "arn:aws:iam::1:instance-profile/web" } },
      ],
    });
    asg
      .on(DescribeAutoScalingInstancesCommand)
      .resolves({ AutoScalingInstances: [{ AutoScalingGroupName: "web-asg" } as never] });
    expect(await controls().describeInstance("i-0abc")).toEqual({
      instanceId: "i-0abc",
      state: "running",
      instanceType: "t3.medium",
      vpcId: "vpc-1",
      subnetId: "subnet-1",
      tags: { Name: "web-1" },
      enis: [{ eniId: "eni-1", privateIp: "10.0.0.5", groups: ["sg-app"] }],
      profile: { arn: "arn:aws:iam::1:instance-profile/web", associationId: "iip-assoc-1" },
      asg: "web-asg",
      volumes: [{ volumeId: "vol-1", device: "/dev/xvda" }],
      terminationProtection: false,
    });
    expect(ec2.commandCalls(DescribeInstanceAttributeCommand)[0]?.args[0].input).toEqual({
      InstanceId: "i-0abc",
      Attribute: "disableApiTermination",
    });
  });

  test("a missing instance is null, not an error", async () => {
    ec2.on(DescribeInstancesCommand).rejects(sdkError("InvalidInstanceID.NotFound", 400));
    expect(await controls().describeInstance("i-0gone")).toBeNull();
  });

  test("isolation groups: the transition group allows all ingress (v4 and v6); the isolation group loses its default egress rule", async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    ec2
      .on(CreateSecurityGroupCommand, { GroupName: "sightline-quarantine-transition" })
      .resolves({ GroupId: "sg-t", ...ok });
    ec2
      .on(CreateSecurityGroupCommand, { GroupName: "sightline-quarantine-isolation" })
      .resolves({ GroupId: "sg-i", ...ok });
    ec2.on(AuthorizeSecurityGroupIngressCommand).resolves(ok);
    ec2.on(RevokeSecurityGroupEgressCommand).resolves(ok);
    const g = await controls().isolationGroups("vpc-1");
    expect(g).toMatchObject({ transition: "sg-t", isolation: "sg-i" });
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)[0]?.args[0].input).toEqual({
      Filters: [
        { Name: "vpc-id", Values: ["vpc-1"] },
        { Name: "group-name", Values: ["sightline-quarantine-transition"] },
      ],
    });
    expect(ec2.commandCalls(AuthorizeSecurityGroupIngressCommand).map((c) => c.args[0].input)).toEqual([
      {
        GroupId: "sg-t",
        IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }],
      },
    ]);
    expect(ec2.commandCalls(RevokeSecurityGroupEgressCommand).map((c) => c.args[0].input)).toEqual([
      { GroupId: "sg-i", IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] },
    ]);
    expect(g.created.map((c) => c.action)).toEqual([
      "CreateSecurityGroup",
      "AuthorizeSecurityGroupIngress",
      "CreateSecurityGroup",
      "RevokeSecurityGroupEgress",
    ]);
  });

  test("existing quarantine groups are reused, nothing is created", async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-existing" }] });
    const g = await controls().isolationGroups("vpc-1");
    expect(g).toEqual({ transition: "sg-existing", isolation: "sg-existing", created: [] });
    expect(ec2.commandCalls(CreateSecurityGroupCommand)).toHaveLength(0);
  });

  test("the exact containment requests: ENI groups, ASG detach keeping capacity, termination protection, tagged snapshot", async () => {
    ec2.on(ModifyNetworkInterfaceAttributeCommand).resolves(ok);
    asg.on(DetachInstancesCommand).resolves({
      Activities: [{ ActivityId: "act-1", StatusCode: "InProgress", Description: "Detaching" } as never],
      ...ok,
    });
    ec2.on(ModifyInstanceAttributeCommand).resolves(ok);
    ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: "snap-1", State: "pending", ...ok });
    asg.on(AttachInstancesCommand).resolves(ok);
    const c = controls();
    expect(await c.setEniGroups("eni-1", ["sg-t"])).toEqual({
      action: "ModifyNetworkInterfaceAttribute",
      requestId: "req-1",
      detail: { networkInterfaceId: "eni-1", groups: ["sg-t"] },
    });
    expect((await c.detachFromAsg("i-1", "web-asg")).detail).toMatchObject({
      activities: [{ activityId: "act-1", statusCode: "InProgress" }],
    });
    await c.setTerminationProtection("i-1", true);
    expect(
      (await c.snapshotVolume("vol-1", "incident inc-1", { "sightline:quarantine": "inc-1" })).detail,
    ).toMatchObject({ snapshotId: "snap-1" });
    await c.attachToAsg("i-1", "web-asg");
    expect(ec2.commandCalls(ModifyNetworkInterfaceAttributeCommand)[0]?.args[0].input).toEqual({
      NetworkInterfaceId: "eni-1",
      Groups: ["sg-t"],
    });
    expect(asg.commandCalls(DetachInstancesCommand)[0]?.args[0].input).toEqual({
      InstanceIds: ["i-1"],
      AutoScalingGroupName: "web-asg",
      ShouldDecrementDesiredCapacity: false,
    });
    expect(ec2.commandCalls(ModifyInstanceAttributeCommand)[0]?.args[0].input).toEqual({
      InstanceId: "i-1",
      DisableApiTermination: { Value: true },
    });
    expect(ec2.commandCalls(CreateSnapshotCommand)[0]?.args[0].input).toEqual({
      VolumeId: "vol-1",
      Description: "incident inc-1",
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "sightline:quarantine", Value: "inc-1" }] }],
    });
    expect(asg.commandCalls(AttachInstancesCommand)[0]?.args[0].input).toEqual({
      InstanceIds: ["i-1"],
      AutoScalingGroupName: "web-asg",
    });
  });

  test("refusals carry the API's code; throttling and 5xx are transient (retried by the state machine), the rest are not", async () => {
    ec2
      .on(ModifyNetworkInterfaceAttributeCommand)
      .rejectsOnce(sdkError("UnauthorizedOperation", 403))
      .rejectsOnce(sdkError("RequestLimitExceeded", 503));
    const c = controls();
    const denied = await c.setEniGroups("eni-1", ["sg-i"]).catch((e) => e);
    expect(denied).toBeInstanceOf(CloudActionError);
    expect(denied).toMatchObject({ name: "CloudActionError", code: "UnauthorizedOperation", transient: false });
    expect(denied.message).toContain("UnauthorizedOperation says no");
    const throttled = await c.setEniGroups("eni-1", ["sg-i"]).catch((e) => e);
    expect(throttled).toMatchObject({ name: "CloudTransientError", code: "RequestLimitExceeded", transient: true });
  });

  test("SSM: AWS-RunShellScript with the script, then the invocation's real status and output", async () => {
    ssm.on(SendCommandCommand).resolves({ Command: { CommandId: "cmd-1", Status: "Pending" }, ...ok });
    ssm
      .on(GetCommandInvocationCommand)
      .resolves({ Status: "Success", StandardOutputContent: "EVIDENCE k h 1\n", StandardErrorContent: "" });
    const c = controls();
    const sent = await c.sendCollection("i-1", {
      script: ["echo 1"],
      evidencePrefix: "incidents/x",
      comment: "Sightline inc-1",
    });
    expect(sent.detail).toMatchObject({ commandId: "cmd-1", status: "Pending" });
    expect(ssm.commandCalls(SendCommandCommand)[0]?.args[0].input).toEqual({
      DocumentName: "AWS-RunShellScript",
      InstanceIds: ["i-1"],
      Parameters: { commands: ["echo 1"], executionTimeout: ["900"] },
      Comment: "Sightline inc-1",
      TimeoutSeconds: 600,
    });
    expect(await c.commandStatus("cmd-1", "i-1")).toEqual({
      status: "Success",
      stdout: "EVIDENCE k h 1\n",
      stderr: "",
    });
    expect(ssm.commandCalls(GetCommandInvocationCommand)[0]?.args[0].input).toEqual({
      CommandId: "cmd-1",
      InstanceId: "i-1",
    });
  });

  test("IAM: the access key is set Inactive for its user", async () => {
    iam.on(UpdateAccessKeyCommand).resolves(ok);
    await controls().setAccessKeyStatus("bob", "AKIAEXAMPLE", "Inactive");
    expect(iam.commandCalls(UpdateAccessKeyCommand)[0]?.args[0].input).toEqual({
      UserName: "bob",
      AccessKeyId: "AKIAEXAMPLE",
      Status: "Inactive",
    });
  });
});

test("SES: the rendered message is the SendEmail request, HTML and text parts", async () => {
  ses.on(SendEmailCommand).resolves({ MessageId: "m-1" });
  const msg = emailPayload(
    { kind: "finding", subject: "f1", title: "Root use", severity: 4, lines: ["line"], fields: [], link: null },
    ["soc@example.com"],
    "sightline@example.com",
    null,
  );
  expect(await new SesEmailSender(new SESv2Client({})).send(msg)).toEqual({ messageId: "m-1" });
  const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
  expect(input?.FromEmailAddress).toBe("sightline@example.com");
  expect(input?.Destination).toEqual({ ToAddresses: ["soc@example.com"] });
  expect(input?.Content?.Simple?.Body?.Text?.Data).toContain("Root use");
  expect(input?.Content?.Simple?.Body?.Html?.Data).toContain("<h2>[High] Root use</h2>");
});
