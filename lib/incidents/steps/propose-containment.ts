import type { InstanceFacts } from "@/lib/ports/cloud-controls";
import type { ProposedAction } from "@/lib/schemas/incidents";
import type { OriginalState } from "../incident-store";
import { QUARANTINE_TAG } from "./quarantine";

/** What undo and the failure path will put back: the instance as it is before containment. */
export const originalStateOf = (inst: InstanceFacts): OriginalState => ({
  instanceId: inst.instanceId,
  vpcId: inst.vpcId,
  enis: inst.enis.map((e) => ({ eniId: e.eniId, groups: e.groups })),
  asg: inst.asg,
  terminationProtection: inst.terminationProtection,
  profile: inst.profile,
  tags: inst.tags,
});

/** The exact actions containing an instance takes, in the order the approver reads them. */
export function proposeInstanceActions(
  inst: InstanceFacts,
  incidentId: string,
  quarantineProfileArn: string | null,
): ProposedAction[] {
  const proposed: ProposedAction[] = inst.enis.map((e) => ({
    action: "Isolate network interface",
    target: e.eniId,
    detail: `Groups ${e.groups.join(", ")} → all-traffic transition group → no-rule isolation group (cuts tracked connections)`,
  }));
  if (inst.asg)
    proposed.push({
      action: "Detach from Auto Scaling group",
      target: inst.asg,
      detail: "So the group does not replace and terminate it",
    });
  proposed.push({
    action: "Enable termination protection",
    target: inst.instanceId,
    detail: "DisableApiTermination = true",
  });
  for (const v of inst.volumes)
    proposed.push({
      action: "Snapshot EBS volume",
      target: v.volumeId,
      detail: `${v.device}, tagged with the incident`,
    });
  proposed.push({ action: "Tag instance", target: inst.instanceId, detail: `${QUARANTINE_TAG} = ${incidentId}` });
  if (quarantineProfileArn && inst.profile)
    proposed.push({
      action: "Swap instance profile",
      target: inst.profile.arn,
      detail: `→ ${quarantineProfileArn}`,
    });
  proposed.push({
    action: "Collect evidence (SSM)",
    target: inst.instanceId,
    detail: "Process list, sockets, last 24 h of system log → evidence store, SHA-256 recorded",
  });
  return proposed;
}
