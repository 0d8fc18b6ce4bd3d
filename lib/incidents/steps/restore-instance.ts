import type { ApiResult } from "@/lib/ports/cloud-controls";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow } from "../incident-store";
import { ApprovedPayload, parsePayload } from "./payloads";
import { requireOriginalState } from "./quarantine";
import { planRelease } from "./release-plan";
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
  const now = await deps.cloud.describeInstance(orig.instanceId);
  for (const step of planRelease(orig, now))
    await undo(`${step.action} ${step.target}: ${step.detail}`, () => step.run(deps.cloud));
  return { restored: orig.enis.length };
}
