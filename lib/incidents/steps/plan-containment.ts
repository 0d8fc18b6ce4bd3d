import type { ProposedAction } from "@/lib/schemas/incidents";
import type { IncidentDeps } from "../deps";
import { type FindingFacts, isRootKey } from "../finding-event";
import type { OriginalState } from "../incident-store";
import { originalStateOf, proposeInstanceActions } from "./propose-containment";

export interface ContainmentPlan {
  plan: "instance" | "access-key" | "none";
  proposed: ProposedAction[];
  original: OriginalState | null;
  /** What was found about the resource, as stored in the enrichment (`reason` when nothing is done). */
  found: Record<string, unknown>;
}

const noAction = (found: Record<string, unknown>): ContainmentPlan => ({
  plan: "none",
  proposed: [],
  original: null,
  found,
});

async function planInstance(deps: IncidentDeps, incidentId: string, instanceId: string): Promise<ContainmentPlan> {
  const inst = await deps.cloud.describeInstance(instanceId);
  if (!inst)
    return noAction({ reason: `Instance ${instanceId} was not found (terminated, or in another account/region)` });
  const groupIds = [...new Set(inst.enis.flatMap((e) => e.groups))];
  return {
    plan: "instance",
    proposed: proposeInstanceActions(inst, incidentId, deps.config.quarantineProfileArn),
    original: originalStateOf(inst),
    found: { instance: inst, securityGroups: await deps.cloud.describeGroups(groupIds) },
  };
}

function planAccessKey(accessKey: NonNullable<FindingFacts["accessKey"]>, f: FindingFacts): ContainmentPlan {
  if (isRootKey(f))
    return noAction({ accessKey, reason: "Root credentials: never acted on automatically; handle by hand" });
  if (!accessKey.accessKeyId || !accessKey.userName)
    return noAction({ accessKey, reason: "The finding names no IAM user and key to act on" });
  return {
    plan: "access-key",
    proposed: [
      {
        action: "Deactivate access key",
        target: accessKey.accessKeyId,
        detail: `IAM user ${accessKey.userName}: UpdateAccessKey Status=Inactive (reversible)`,
      },
    ],
    original: null,
    found: { accessKey },
  };
}

/** What containment would do for the finding's resource, and the instance state it would change. */
export async function planContainment(
  deps: IncidentDeps,
  incidentId: string,
  f: FindingFacts,
): Promise<ContainmentPlan> {
  if (f.resourceType === "Instance" && f.instanceId) return planInstance(deps, incidentId, f.instanceId);
  if (f.resourceType === "AccessKey" && f.accessKey) return planAccessKey(f.accessKey, f);
  return noAction({ reason: `No containment is defined for ${f.resourceType} findings` });
}
