import type { IncidentDeps } from "../deps";
import { listActionResults } from "../event-store";
import { getIncidentOrThrow } from "../incident-store";
import { notifyStage } from "./notify-stage";
import { OutcomePayload, parsePayload } from "./payloads";

/** Notify: the outcome with the reason and the last dozen action and evidence results (✓/✗). */
export async function notifyOutcome(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(OutcomePayload, payload, "Notify");
  const i = await getIncidentOrThrow(deps.db, p.incidentId);
  const results = await listActionResults(deps.db, i.id);
  await notifyStage(deps, i.id, p.outcome.status, [
    ...(p.outcome.reason ? [p.outcome.reason] : []),
    ...results.slice(-12).map((e) => `${e.ok ? "✓" : "✗"} ${e.summary}`),
  ]);
  return null;
}
