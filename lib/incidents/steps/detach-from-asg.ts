import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow } from "../incident-store";
import { IncidentPayload, parsePayload } from "./payloads";
import { requireOriginalState } from "./quarantine";
import { runCloudAction } from "./run-cloud-action";

/** DetachFromAsg: takes the instance out of its Auto Scaling group so the group does not replace and terminate it. */
export async function detachFromAsg(deps: IncidentDeps, payload: unknown) {
  const { incidentId } = parsePayload(IncidentPayload, payload, "DetachFromAsg");
  const i = await getIncidentOrThrow(deps.db, incidentId);
  const { instanceId, asg } = requireOriginalState(i, "DetachFromAsg");
  if (!asg) {
    await addEvent(deps.db, i.id, {
      kind: "action",
      step: "DetachFromAsg",
      ok: true,
      summary: "Not in an Auto Scaling group: nothing to detach",
    });
    return { detached: false };
  }
  await runCloudAction(deps, i.id, "DetachFromAsg", `Detached from ${asg}`, () =>
    deps.cloud.detachFromAsg(instanceId, asg),
  );
  return { detached: true };
}
