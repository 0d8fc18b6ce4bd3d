import { createHash } from "node:crypto";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { findingFacts } from "../finding-event";
import {
  countJoinedFinding,
  countRepeatedFinding,
  findActiveIncidentOn,
  insertIncident,
} from "../finding-intake-store";
import { OpenIncidentPayload, parsePayload } from "./payloads";

/** Deterministic incident id per finding: a re-delivered event opens the same incident. */
export const incidentIdOf = (findingId: string) =>
  `inc-${createHash("sha256").update(findingId).digest("hex").slice(0, 16)}`;

/** OpenIncident: opens the incident for a finding, or joins the open one for the same finding or resource. */
export async function openIncident(deps: IncidentDeps, payload: unknown) {
  const ev = parsePayload(OpenIncidentPayload, payload, "OpenIncident");
  const f = findingFacts(ev.detail);
  const id = incidentIdOf(f.findingId);
  const base = { approvalSeconds: deps.config.approvalSeconds, pollSeconds: deps.config.pollSeconds };
  return deps.db.transaction(async (tx) => {
    const same = await countRepeatedFinding(tx, f.findingId);
    if (same) {
      await addEvent(tx, same, {
        kind: "finding",
        step: "OpenIncident",
        ok: true,
        summary: "The finding was reported again",
      });
      return { incidentId: same, duplicate: true, ...base };
    }
    const active = f.resourceId ? await findActiveIncidentOn(tx, f.resourceId) : null;
    if (active) {
      await countJoinedFinding(tx, active);
      await addEvent(tx, active, {
        kind: "finding",
        step: "OpenIncident",
        ok: true,
        summary: `Another finding on ${f.resourceId} joined this incident: ${f.title}`,
        detail: { findingId: f.findingId, type: f.type, severity: f.severityVendor },
      });
      return { incidentId: active, duplicate: true, ...base };
    }
    await insertIncident(tx, {
      id,
      facts: f,
      simulated: deps.cloud.simulated,
      finding: ev.detail,
      executionId: ev.executionId ?? null,
    });
    await addEvent(tx, id, {
      kind: "finding",
      step: "OpenIncident",
      ok: true,
      summary: `${f.type} (severity ${f.severityVendor}) on ${f.resourceId ?? f.resourceType}`,
      detail: { findingId: f.findingId, updatedAt: f.updatedAt },
    });
    return { incidentId: id, duplicate: false, ...base };
  });
}
