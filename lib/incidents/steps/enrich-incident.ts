import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { findingFacts } from "../finding-event";
import { getIncidentOrThrow, saveEnrichment } from "../incident-store";
import { IncidentPayload, parsePayload } from "./payloads";
import { planContainment } from "./plan-containment";
import { lookUpRecentActivity } from "./recent-activity";

/**
 * Enrich: instance, network, profile, ASG and recent activity; records the original state and
 * proposes the actions the approver will see.
 */
export async function enrichIncident(deps: IncidentDeps, payload: unknown) {
  const { incidentId } = parsePayload(IncidentPayload, payload, "Enrich");
  const i = await getIncidentOrThrow(deps.db, incidentId);
  const f = findingFacts(i.finding);
  const { plan, proposed, original, found } = await planContainment(deps, i.id, f);
  const enrichment: Record<string, unknown> = {
    resourceType: f.resourceType,
    simulated: deps.cloud.simulated,
    ...found,
    ...(await lookUpRecentActivity(deps.lake, f)),
  };
  await saveEnrichment(deps.db, i.id, { enrichment, proposed, original });
  await addEvent(deps.db, i.id, {
    kind: "enrichment",
    step: "Enrich",
    ok: true,
    summary:
      plan === "none"
        ? `No automatic action: ${String(enrichment.reason ?? "")}`
        : `${proposed.length} actions proposed${original ? `; original state recorded (${original.enis.length} ENIs${original.asg ? `, ASG ${original.asg}` : ""})` : ""}`,
    detail: { plan, original },
  });
  return { plan, proposed: proposed.length };
}
