import { expirePendingReviews } from "@/lib/reviews/review-store";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { setStatus } from "../incident-store";
import { OutcomePayload, parsePayload } from "./payloads";
import { recordRejection } from "./record-approval";

const OUTCOME_WORDS: Record<OutcomePayload["outcome"]["status"], string> = {
  contained: "Incident contained",
  rejected: "Not contained: the containment was rejected, nothing was changed",
  expired: "Not contained: nobody decided before the deadline, nothing was changed",
  notified: "No automatic containment for this finding; people were notified",
};

/** The outcome as a sentence; a rejection's comment is already on the reviewer's own row. */
export const outcomeInWords = (o: OutcomePayload["outcome"]) =>
  `${OUTCOME_WORDS[o.status]}${o.reason && o.status !== "rejected" && o.status !== "expired" ? ` (${o.reason})` : ""}`;

/** RecordOutcome: the incident's final status; an expired approval also expires its review item. */
export async function recordOutcome(deps: IncidentDeps, payload: unknown) {
  const { incidentId, outcome } = parsePayload(OutcomePayload, payload, "RecordOutcome");
  await deps.db.transaction(async (tx) => {
    await setStatus(tx, incidentId, outcome.status);
    if (outcome.status === "rejected") await recordRejection(tx, incidentId, "RequestApproval", "incident-response");
    await addEvent(tx, incidentId, {
      kind: "outcome",
      step: "RecordOutcome",
      ok: true,
      summary: outcomeInWords(outcome),
    });
    if (outcome.status === "expired") {
      await expirePendingReviews(tx, incidentId);
    }
  });
  return { status: outcome.status };
}
