import { registerReviewTask } from "@/lib/reviews/review-store";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow, setStatus } from "../incident-store";
import { parsePayload, RequestReleasePayload } from "./payloads";
import { requireOriginalState } from "./quarantine";
import { planRelease, previewOf } from "./release-plan";

/** RequestRelease's callback target: one review item listing every step the release takes (the plan RestoreInstance runs). */
export async function requestReleaseApproval(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(RequestReleasePayload, payload, "RequestRelease");
  const i = await getIncidentOrThrow(deps.db, p.incidentId);
  const orig = requireOriginalState(i, "RequestRelease");
  const preview = previewOf(planRelease(orig, await deps.cloud.describeInstance(orig.instanceId)));
  await deps.db.transaction(async (tx) => {
    const inserted = await registerReviewTask(tx, {
      executionId: p.executionId,
      workflow: "incident-release",
      state: "RequestRelease",
      token: p.taskToken,
      subject: i.id,
      title: `Release ${i.resource_id} from quarantine`,
      payload: {
        kind: "incident-release",
        incidentId: i.id,
        simulated: i.simulated,
        proposedActions: preview,
        originalState: i.original_state,
      },
      reasons: [{ rule: "incident.release", message: `Requested by ${p.requestedBy}: ${p.reason}` }],
      stateInput: p.input,
      submittedBy: p.requestedBy,
      dueInSeconds: p.slaSeconds,
    });
    if (inserted) {
      await setStatus(tx, i.id, "releasing");
      await addEvent(tx, i.id, {
        kind: "undo",
        step: "RequestRelease",
        ok: true,
        actor: p.requestedBy,
        summary: `Release requested by ${p.requestedBy}: ${p.reason}`,
      });
    }
  });
  return null;
}
