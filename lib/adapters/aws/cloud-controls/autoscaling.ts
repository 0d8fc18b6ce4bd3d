import { AttachInstancesCommand, type AutoScalingClient, DetachInstancesCommand } from "@aws-sdk/client-auto-scaling";
import type { ApiResult } from "@/lib/ports/cloud-controls";
import { callAws, requestIdOf } from "./call-aws";

export async function detachFromAsg(asg: AutoScalingClient, instanceId: string, asgName: string): Promise<ApiResult> {
  const out = await callAws("DetachInstances", () =>
    asg.send(
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
    requestId: requestIdOf(out),
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

export async function attachToAsg(asg: AutoScalingClient, instanceId: string, asgName: string): Promise<ApiResult> {
  const out = await callAws("AttachInstances", () =>
    asg.send(new AttachInstancesCommand({ InstanceIds: [instanceId], AutoScalingGroupName: asgName })),
  );
  return { action: "AttachInstances", requestId: requestIdOf(out), detail: { autoScalingGroupName: asgName } };
}
