import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { SSMClient } from "@aws-sdk/client-ssm";
import type { ApiResult, CloudControls, CommandStatus, GroupFacts, InstanceFacts } from "@/lib/ports/cloud-controls";
import { attachToAsg, detachFromAsg } from "./cloud-controls/autoscaling";
import { describeGroups, describeInstance } from "./cloud-controls/ec2-describe";
import {
  setTerminationProtection,
  snapshotVolume,
  tagInstance,
  untagInstance,
} from "./cloud-controls/ec2-preservation";
import { isolationGroups, setEniGroups } from "./cloud-controls/ec2-quarantine";
import { replaceProfile, setAccessKeyStatus } from "./cloud-controls/iam-profile";
import { commandStatus, sendCollection } from "./cloud-controls/ssm-evidence";

/**
 * Incident-response actions with the AWS SDK v3 (EC2, Auto Scaling, SSM, IAM), one helper module
 * per service under `cloud-controls/`. Every call's refusal becomes a CloudActionError carrying the
 * API's error code; throttling and 5xx are marked transient so the state machine's Retry handles them.
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

  describeInstance(instanceId: string): Promise<InstanceFacts | null> {
    return describeInstance({ ec2: this.ec2, asg: this.asg }, instanceId);
  }

  describeGroups(groupIds: readonly string[]): Promise<GroupFacts[]> {
    return describeGroups(this.ec2, groupIds);
  }

  isolationGroups(vpcId: string) {
    return isolationGroups(this.ec2, vpcId);
  }

  setEniGroups(eniId: string, groupIds: readonly string[]): Promise<ApiResult> {
    return setEniGroups(this.ec2, eniId, groupIds);
  }

  detachFromAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    return detachFromAsg(this.asg, instanceId, asgName);
  }

  attachToAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    return attachToAsg(this.asg, instanceId, asgName);
  }

  setTerminationProtection(instanceId: string, enabled: boolean): Promise<ApiResult> {
    return setTerminationProtection(this.ec2, instanceId, enabled);
  }

  snapshotVolume(volumeId: string, description: string, tags: Record<string, string>): Promise<ApiResult> {
    return snapshotVolume(this.ec2, volumeId, description, tags);
  }

  tagInstance(instanceId: string, tags: Record<string, string>): Promise<ApiResult> {
    return tagInstance(this.ec2, instanceId, tags);
  }

  untagInstance(instanceId: string, keys: readonly string[]): Promise<ApiResult> {
    return untagInstance(this.ec2, instanceId, keys);
  }

  replaceProfile(associationId: string, profileArn: string): Promise<ApiResult> {
    return replaceProfile(this.ec2, associationId, profileArn);
  }

  setAccessKeyStatus(userName: string, accessKeyId: string, status: "Active" | "Inactive"): Promise<ApiResult> {
    return setAccessKeyStatus(this.iam, userName, accessKeyId, status);
  }

  sendCollection(instanceId: string, args: { script: readonly string[]; evidencePrefix: string; comment: string }) {
    return sendCollection(this.ssm, instanceId, args);
  }

  commandStatus(commandId: string, instanceId: string): Promise<CommandStatus> {
    return commandStatus(this.ssm, commandId, instanceId);
  }
}
