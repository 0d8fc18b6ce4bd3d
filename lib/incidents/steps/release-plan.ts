import type { ApiResult, CloudControls, InstanceFacts } from "@/lib/ports/cloud-controls";
import type { ProposedAction } from "@/lib/schemas/incidents";
import type { OriginalState } from "../incident-store";
import { QUARANTINE_TAG } from "./quarantine";

/** One undo a release takes: what the approver reads, and the call that does it. */
export interface ReleaseStep extends ProposedAction {
  run: (cloud: CloudControls) => Promise<ApiResult>;
}

/**
 * Everything releasing puts back, from the recorded original state and the instance as it is now.
 * The release review shows these steps and RestoreInstance runs them, so the preview cannot
 * promise less (or more) than approving does.
 */
export function planRelease(orig: OriginalState, now: InstanceFacts | null): ReleaseStep[] {
  const { instanceId, asg, profile } = orig;
  const steps: ReleaseStep[] = orig.enis.map((e) => ({
    action: "Restore security groups",
    target: e.eniId,
    detail: `Back to ${e.groups.join(", ")}`,
    run: (cloud) => cloud.setEniGroups(e.eniId, e.groups),
  }));
  if (asg && now?.asg !== asg)
    steps.push({
      action: "Re-attach to Auto Scaling group",
      target: asg,
      detail: `${instanceId} rejoins the group it was taken out of`,
      run: (cloud) => cloud.attachToAsg(instanceId, asg),
    });
  if (!orig.terminationProtection)
    steps.push({
      action: "Turn termination protection off",
      target: instanceId,
      detail: "As it was before the quarantine",
      run: (cloud) => cloud.setTerminationProtection(instanceId, false),
    });
  const current = now?.profile;
  if (profile && current && current.arn !== profile.arn)
    steps.push({
      action: "Restore instance profile",
      target: instanceId,
      detail: `${current.arn} → ${profile.arn}`,
      run: (cloud) => cloud.replaceProfile(current.associationId, profile.arn),
    });
  steps.push({
    action: "Remove quarantine tag",
    target: instanceId,
    detail: `Tag ${QUARANTINE_TAG} is deleted`,
    run: (cloud) => cloud.untagInstance(instanceId, [QUARANTINE_TAG]),
  });
  return steps;
}

/** The steps as the review item stores them (no functions in a JSON payload). */
export const previewOf = (steps: readonly ReleaseStep[]): ProposedAction[] =>
  steps.map(({ action, target, detail }) => ({ action, target, detail }));
