import type { ApiResult } from "@/lib/ports/cloud-controls";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow } from "../incident-store";
import { ApprovedPayload, parsePayload } from "./payloads";
import { QUARANTINE_TAG, requireOriginalState } from "./quarantine";
import { runCloudAction } from "./run-cloud-action";

/** RestoreInstance: puts back the recorded groups, ASG membership, termination protection and profile; removes the tag. */
export async function restoreInstance(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(ApprovedPayload, payload, "RestoreInstance");
  const i = await getIncidentOrThrow(deps.db, p.incidentId);
  const undo = (summary: string, call: () => Promise<ApiResult>) =>
    runCloudAction(deps, i.id, "RestoreInstance", summary, call, "undo");
  await addEvent(deps.db, i.id, {
    kind: "undo",
    step: "RestoreInstance",
    ok: true,
    actor: p.approval?.decidedBy ?? "unknown",
    summary: `Release approved by ${p.approval?.decidedBy ?? "unknown"}`,
  });
  const orig = requireOriginalState(i, "RestoreInstance");
  for (const e of orig.enis)
    await undo(`${e.eniId} → original groups ${e.groups.join(", ")}`, () => deps.cloud.setEniGroups(e.eniId, e.groups));
  const now = await deps.cloud.describeInstance(orig.instanceId);
  const { asg, profile } = orig;
  if (asg && now?.asg !== asg) await undo(`Re-attached to ${asg}`, () => deps.cloud.attachToAsg(orig.instanceId, asg));
  if (!orig.terminationProtection)
    await undo("Termination protection back off", () => deps.cloud.setTerminationProtection(orig.instanceId, false));
  const current = now?.profile;
  if (profile && current && current.arn !== profile.arn)
    await undo(`Instance profile → ${profile.arn}`, () =>
      deps.cloud.replaceProfile(current.associationId, profile.arn),
    );
  await undo(`Removed tag ${QUARANTINE_TAG}`, () => deps.cloud.untagInstance(orig.instanceId, [QUARANTINE_TAG]));
  return { restored: orig.enis.length };
}
