import { describeDecisions } from "@/lib/notify/describe-decisions";
import { notify } from "@/lib/notify/notify";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow } from "../incident-store";
import { incidentMessage } from "../messages";

/** Sends the incident's message for a stage through every channel and puts who got it on the timeline. */
export async function notifyStage(deps: IncidentDeps, incidentId: string, stage: string, lines: string[]) {
  const i = await getIncidentOrThrow(deps.db, incidentId);
  const { message, fingerprint } = incidentMessage(i, stage, lines);
  const decisions = await notify(deps.notify, message, fingerprint);
  await addEvent(deps.db, incidentId, {
    kind: "notification",
    step: stage,
    ok: !Object.values(decisions).includes("failed"),
    summary: await describeDecisions(deps.db, decisions),
    detail: decisions,
  });
}
