import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { setStatus } from "../incident-store";
import { describeCaughtError } from "./caught-error";
import { notifyStage } from "./notify-stage";
import { parsePayload, RecordReleaseFailurePayload } from "./payloads";

/** RecordReleaseFailure: the release's Catch path; the error goes on the incident and is notified. */
export async function recordReleaseFailure(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(RecordReleaseFailurePayload, payload, "RecordReleaseFailure");
  const error = describeCaughtError(p.error, { unwrapLambda: false });
  await deps.db.transaction(async (tx) => {
    // Still quarantined (some groups may be back): the incident stays contained, with the error on it.
    await setStatus(tx, p.incidentId, "contained", error);
    await addEvent(tx, p.incidentId, {
      kind: "error",
      step: "RecordReleaseFailure",
      ok: false,
      summary: `Release failed: ${error}`,
    });
  });
  await notifyStage(deps, p.incidentId, "release_failed", [error]);
  return { recorded: true };
}
