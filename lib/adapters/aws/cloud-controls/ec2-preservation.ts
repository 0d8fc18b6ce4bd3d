import {
  CreateSnapshotCommand,
  CreateTagsCommand,
  DeleteTagsCommand,
  type EC2Client,
  ModifyInstanceAttributeCommand,
} from "@aws-sdk/client-ec2";
import type { ApiResult } from "@/lib/ports/cloud-controls";
import { callAws, requestIdOf, sdkTags } from "./call-aws";

/** Keeping the instance and its disks as they are: termination protection, snapshots, tags. */
export async function setTerminationProtection(
  ec2: EC2Client,
  instanceId: string,
  enabled: boolean,
): Promise<ApiResult> {
  const out = await callAws("ModifyInstanceAttribute", () =>
    ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: enabled } })),
  );
  return {
    action: "ModifyInstanceAttribute",
    requestId: requestIdOf(out),
    detail: { instanceId, disableApiTermination: enabled },
  };
}

export async function snapshotVolume(
  ec2: EC2Client,
  volumeId: string,
  description: string,
  tags: Record<string, string>,
): Promise<ApiResult> {
  const out = await callAws("CreateSnapshot", () =>
    ec2.send(
      new CreateSnapshotCommand({
        VolumeId: volumeId,
        Description: description,
        TagSpecifications: [{ ResourceType: "snapshot", Tags: sdkTags(tags) }],
      }),
    ),
  );
  return {
    action: "CreateSnapshot",
    requestId: requestIdOf(out),
    detail: { snapshotId: out.SnapshotId, volumeId, state: out.State },
  };
}

export async function tagInstance(
  ec2: EC2Client,
  instanceId: string,
  tags: Record<string, string>,
): Promise<ApiResult> {
  const out = await callAws("CreateTags", () =>
    ec2.send(new CreateTagsCommand({ Resources: [instanceId], Tags: sdkTags(tags) })),
  );
  return { action: "CreateTags", requestId: requestIdOf(out), detail: { resources: [instanceId], tags } };
}

export async function untagInstance(ec2: EC2Client, instanceId: string, keys: readonly string[]): Promise<ApiResult> {
  const out = await callAws("DeleteTags", () =>
    ec2.send(new DeleteTagsCommand({ Resources: [instanceId], Tags: keys.map((Key) => ({ Key })) })),
  );
  return { action: "DeleteTags", requestId: requestIdOf(out), detail: { resources: [instanceId], keys: [...keys] } };
}
