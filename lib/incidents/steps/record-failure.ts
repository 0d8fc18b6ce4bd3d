import { closePendingReviews } from "@/lib/reviews/review-store";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow, type IncidentRow, setStatus } from "../incident-store";
import { describeCaughtError } from "./caught-error";
import { notifyStage } from "./notify-stage";
import { parsePayload, RecordFailurePayload } from "./payloads";
import { messageOf, runCloudAction } from "./run-cloud-action";

/** Puts back the recorded security groups of every ENI whose groups differ now. */
async function restoreGroups(deps: IncidentDeps, i: IncidentRow, step: string): Promise<number> {
  const orig = i.original_state;
  if (!orig) return 0;
  const now = await deps.cloud.describeInstance(orig.instanceId);
  let restored = 0;
  for (const eni of orig.enis) {
    const current = now?.enis.find((e) => e.eniId === eni.eniId)?.groups ?? [];
    if ([...current].sort().join(",") === [...eni.groups].sort().join(",")) continue;
    await runCloudAction(deps, i.id, step, `${eni.eniId} → original groups ${eni.groups.join(", ")}`, () =>
      deps.cloud.setEniGroups(eni.eniId, eni.groups),
    );
    restored++;
  }
  return restored;
}

/** RecordFailure, the Catch path: restore what changed, mark the incident failed with the API error, notify. */
export async function recordFailure(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(RecordFailurePayload, payload, "RecordFailure");
  const id = p.incidentId ?? p.open?.incidentId;
  if (!id) return { recorded: false };
  const error = describeCaughtError(p.error, { unwrapLambda: true });
  const i = await getIncidentOrThrow(deps.db, id);
  let restoreError: string | null = null;
  try {
    await restoreGroups(deps, i, "RecordFailure");
  } catch (err) {
    restoreError = messageOf(err);
  }
  await deps.db.transaction(async (tx) => {
    await setStatus(tx, id, "failed", error);
    await addEvent(tx, id, {
      kind: "error",
      step: "RecordFailure",
      ok: false,
      summary: `Incident response failed: ${error}${restoreError ? ` — restoring groups also failed: ${restoreError}` : ""}`,
    });
    await closePendingReviews(tx, id);
  });
  await notifyStage(deps, id, "failed", [error, ...(restoreError ? [`Restore failed: ${restoreError}`] : [])]);
  return { recorded: true };
}
