import { registerReviewTask } from "@/lib/reviews/review-store";
import { durationInWords } from "@/lib/schemas/durations";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow, setExecutionId, setStatus } from "../incident-store";
import { notifyStage } from "./notify-stage";
import { parsePayload, RequestApprovalPayload } from "./payloads";

/** RequestApproval's callback target: one review item with the finding, enrichment and exact actions. */
export async function requestContainmentApproval(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(RequestApprovalPayload, payload, "RequestApproval");
  const i = await getIncidentOrThrow(deps.db, p.incidentId);
  await deps.db.transaction(async (tx) => {
    const inserted = await registerReviewTask(tx, {
      executionId: p.executionId,
      workflow: "incident-response",
      state: "RequestApproval",
      token: p.taskToken,
      subject: i.id,
      title: `Contain ${i.resource_id ?? i.resource_type}: ${i.title}`,
      payload: {
        kind: "incident-approval",
        incidentId: i.id,
        simulated: i.simulated,
        finding: { id: i.finding_id, type: i.finding_type, severity: i.severity_vendor, title: i.title },
        proposedActions: i.proposed,
        enrichment: i.enrichment,
      },
      reasons: [
        {
          rule: "guardduty.severity",
          message: `${i.finding_type} at severity ${i.severity_vendor} on ${i.resource_id}`,
        },
      ],
      stateInput: p.input,
      submittedBy: null,
      dueInSeconds: p.slaSeconds,
    });
    if (inserted) {
      await setStatus(tx, i.id, "awaiting_approval");
      await setExecutionId(tx, i.id, p.executionId);
      await addEvent(tx, i.id, {
        kind: "approval",
        step: "RequestApproval",
        ok: true,
        summary: `Approval requested for ${i.proposed.length} actions (expires in ${durationInWords(p.slaSeconds)})`,
      });
    }
  });
  await notifyStage(
    deps,
    i.id,
    "approval_requested",
    i.proposed.map((a) => `${a.action}: ${a.target}`),
  );
  return null;
}
