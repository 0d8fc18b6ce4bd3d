import { expirePendingReviews } from "@/lib/reviews/review-store";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { setStatus } from "../incident-store";
import { notifyStage } from "./notify-stage";
import { parsePayload, RecordReleasePayload } from "./payloads";
import { recordRejection } from "./record-approval";

/** RecordRelease: released, or back to contained when the release was rejected or expired; notifies either way. */
export async function recordRelease(deps: IncidentDeps, payload: unknown) {
  const { incidentId, outcome } = parsePayload(RecordReleasePayload, payload, "RecordRelease");
  const released = outcome.status === "released";
  await deps.db.transaction(async (tx) => {
    await setStatus(tx, incidentId, released ? "released" : "contained");
    if (outcome.status === "release_rejected")
      await recordRejection(tx, incidentId, "RequestRelease", "incident-release");
    await addEvent(tx, incidentId, {
      kind: "undo",
      step: "RecordRelease",
      ok: released,
      summary: released
        ? "Released from quarantine"
        : outcome.status === "release_rejected"
          ? "Still quarantined: the release was rejected"
          : "Still quarantined: nobody decided on the release before the deadline",
    });
    if (outcome.status === "release_expired") await expirePendingReviews(tx, incidentId, "incident-release");
  });
  await notifyStage(
    deps,
    incidentId,
    released ? "released" : "release_rejected",
    outcome.reason ? [outcome.reason] : [],
  );
  return { status: outcome.status };
}
