import type { ApiResult, CloudControls, CommandStatus, GroupFacts, InstanceFacts } from "@/lib/ports/cloud-controls";
import type { Database } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { attachToAsg, detachFromAsg } from "./simulated-cloud/autoscaling-operations";
import {
  isolationGroups,
  setEniGroups,
  setTerminationProtection,
  snapshotVolume,
  tagInstance,
  untagInstance,
} from "./simulated-cloud/ec2-operations";
import { readGroups, readInstance } from "./simulated-cloud/estate-store";
import { replaceProfile, setAccessKeyStatus } from "./simulated-cloud/iam-operations";
import { commandStatus, sendCollection } from "./simulated-cloud/ssm-agent";

/**
 * The local backend's EC2/ASG/SSM/IAM: a simulated estate in the database (seeded by the demo
 * generator and by sample findings). It behaves like the APIs it stands for — groups per ENI, a
 * detach really leaves the group, snapshots get ids, SSM commands go Pending → InProgress →
 * Success across polls — and records every call in `sim_api_calls`. Refusals can be configured per
 * instance (`faults`) to demonstrate the failure path.
 */
export class SimulatedCloud implements CloudControls {
  readonly simulated = true;

  constructor(
    private readonly db: Database,
    private readonly evidence: ObjectStore,
  ) {}

  describeInstance(instanceId: string): Promise<InstanceFacts | null> {
    return readInstance(this.db, instanceId);
  }

  describeGroups(groupIds: readonly string[]): Promise<GroupFacts[]> {
    return readGroups(this.db, groupIds);
  }

  isolationGroups(vpcId: string) {
    return isolationGroups(this.db, vpcId);
  }

  setEniGroups(eniId: string, groupIds: readonly string[]): Promise<ApiResult> {
    return setEniGroups(this.db, eniId, groupIds);
  }

  detachFromAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    return detachFromAsg(this.db, instanceId, asgName);
  }

  attachToAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    return attachToAsg(this.db, instanceId, asgName);
  }

  setTerminationProtection(instanceId: string, enabled: boolean): Promise<ApiResult> {
    return setTerminationProtection(this.db, instanceId, enabled);
  }

  snapshotVolume(volumeId: string, description: string, tags: Record<string, string>): Promise<ApiResult> {
    return snapshotVolume(this.db, volumeId, description, tags);
  }

  tagInstance(instanceId: string, tags: Record<string, string>): Promise<ApiResult> {
    return tagInstance(this.db, instanceId, tags);
  }

  untagInstance(instanceId: string, keys: readonly string[]): Promise<ApiResult> {
    return untagInstance(this.db, instanceId, keys);
  }

  replaceProfile(associationId: string, profileArn: string): Promise<ApiResult> {
    return replaceProfile(this.db, associationId, profileArn);
  }

  setAccessKeyStatus(userName: string, accessKeyId: string, status: "Active" | "Inactive"): Promise<ApiResult> {
    return setAccessKeyStatus(this.db, userName, accessKeyId, status);
  }

  sendCollection(instanceId: string, args: { script: readonly string[]; evidencePrefix: string; comment: string }) {
    return sendCollection(this.db, instanceId, args);
  }

  /** The simulated SSM agent runs the collection on the second poll (see `ssm-agent.ts`). */
  commandStatus(commandId: string, instanceId: string): Promise<CommandStatus> {
    return commandStatus(this.db, this.evidence, commandId, instanceId);
  }
}
