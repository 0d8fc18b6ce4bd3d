import { expirePendingReviews } from "@/lib/reviews/review-store";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { setStatus } from "../incident-store";
import { OutcomePayload, parsePayload } from "./payloads";

/** RecordOutcome: the incident's final status; an expired approval also expires its review item. */
export async function recordOutcome(deps: IncidentDeps, payload: unknown) {
  const { incidentId, outcome } = parsePayload(OutcomePayload, payload, "RecordOutcome");
  await deps.db.transaction(async (tx) => {
    await setStatus(tx, incidentId, outcome.status);
    await addEvent(tx, incidentId, {
      kind: "outcome",
      step: "RecordOutcome",
      ok: true,
      summary: `Incident ${outcome.status}${outcome.reason ? `: ${outcome.reason}` : ""}`,
    });
    if (outcome.status === "expired") {
      await expirePendingReviews(tx, incidentId);
    }
  });
  return { status: outcome.status };
}
