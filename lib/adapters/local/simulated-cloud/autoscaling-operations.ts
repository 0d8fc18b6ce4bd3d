import { randomUUID } from "node:crypto";
import { type ApiResult, CloudActionError } from "@/lib/ports/cloud-controls";
import type { Database } from "@/lib/ports/database";
import { callSimulated, simulatedResult } from "./simulated-call";

/** Auto Scaling: a detach really leaves the group (and fails for an instance not in it). */
export async function detachFromAsg(db: Database, instanceId: string, asgName: string): Promise<ApiResult> {
  const activityId = randomUUID();
  await callSimulated(db, "DetachInstances", { asgName }, instanceId, async (tx) => {
    const r = await tx.query(
      "UPDATE sim_instances SET asg_name = NULL WHERE instance_id = $1 AND asg_name = $2 RETURNING 1",
      [instanceId, asgName],
    );
    if (!r.length)
      throw new CloudActionError("DetachInstances", "ValidationError", `${instanceId} is not part of ${asgName}`);
  });
  return simulatedResult("DetachInstances", {
    autoScalingGroupName: asgName,
    activities: [{ activityId, statusCode: "InProgress", description: `Detaching EC2 instance: ${instanceId}` }],
  });
}

export async function attachToAsg(db: Database, instanceId: string, asgName: string): Promise<ApiResult> {
  await callSimulated(db, "AttachInstances", { asgName }, instanceId, (tx) =>
    tx.query("UPDATE sim_instances SET asg_name = $2 WHERE instance_id = $1", [instanceId, asgName]),
  );
  return simulatedResult("AttachInstances", { autoScalingGroupName: asgName });
}
