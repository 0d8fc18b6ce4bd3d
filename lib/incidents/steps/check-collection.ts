import { createHash } from "node:crypto";
import { type EvidenceLine, parseEvidence } from "../collection-script";
import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow } from "../incident-store";
import { CheckCollectionPayload, parsePayload } from "./payloads";
import { requireOriginalState } from "./quarantine";

const STILL_RUNNING = new Set(["Pending", "InProgress", "Delayed"]);

/** Re-hashes one uploaded object and records its key and SHA-256, or why it does not match what was reported. */
async function verifyEvidence(deps: IncidentDeps, incidentId: string, e: EvidenceLine) {
  const body = await deps.evidence.getOptional(e.key);
  const actual = body ? createHash("sha256").update(body).digest("hex") : null;
  await addEvent(deps.db, incidentId, {
    kind: "evidence",
    step: "CheckCollection",
    ok: actual === e.sha256,
    summary:
      actual === e.sha256
        ? `${e.key} (${e.bytes} bytes) sha256 ${e.sha256}`
        : `${e.key}: ${actual ? `hash mismatch (stored ${actual}, reported ${e.sha256})` : "not found in the evidence store"}`,
    detail: { key: e.key, sha256: e.sha256, storedSha256: actual, bytes: e.bytes },
  });
}

/** CheckCollection: polls the command's real status; on success verifies every uploaded object. */
export async function checkCollection(deps: IncidentDeps, payload: unknown) {
  const { incidentId, collection: c } = parsePayload(CheckCollectionPayload, payload, "CheckCollection");
  const i = await getIncidentOrThrow(deps.db, incidentId);
  const { instanceId } = requireOriginalState(i, "CheckCollection");
  const st = await deps.cloud.commandStatus(c.commandId, instanceId);
  const polls = c.polls + 1;
  if (STILL_RUNNING.has(st.status)) {
    if (polls >= deps.config.maxPolls) {
      await addEvent(deps.db, i.id, {
        kind: "evidence",
        step: "CheckCollection",
        ok: false,
        summary: `Evidence collection still ${st.status} after ${polls} polls: given up`,
      });
      return { ...c, polls, done: true, ok: false };
    }
    return { ...c, polls, done: false, ok: true };
  }
  if (st.status !== "Success") {
    await addEvent(deps.db, i.id, {
      kind: "evidence",
      step: "CheckCollection",
      ok: false,
      summary: `Evidence collection ended ${st.status}`,
      detail: { stderr: st.stderr.slice(0, 2000) },
    });
    return { ...c, polls, done: true, ok: false };
  }
  const lines = parseEvidence(st.stdout, c.prefix);
  for (const e of lines) await verifyEvidence(deps, i.id, e);
  return { ...c, polls, done: true, ok: lines.length > 0 };
}
