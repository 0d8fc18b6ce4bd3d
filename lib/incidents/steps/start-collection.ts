import { collectionScript } from "../collection-script";
import type { IncidentDeps } from "../deps";
import { getIncidentOrThrow } from "../incident-store";
import { IncidentPayload, parsePayload } from "./payloads";
import { requireOriginalState } from "./quarantine";
import { isTransient, runCloudAction } from "./run-cloud-action";

/**
 * StartCollection: sends the evidence collection script through SSM. A refused command ends the
 * collection (done, not ok) without failing the containment; throttling is retried.
 */
export async function startCollection(deps: IncidentDeps, payload: unknown) {
  const { incidentId } = parsePayload(IncidentPayload, payload, "StartCollection");
  const i = await getIncidentOrThrow(deps.db, incidentId);
  const { instanceId } = requireOriginalState(i, "StartCollection");
  const prefix = `incidents/${i.id}/${instanceId}/${new Date().toISOString().replace(/[:.]/g, "-")}`;
  const script = deps.config.evidenceBucket
    ? collectionScript(deps.config.evidenceBucket, prefix)
    : ["# simulated agent"];
  try {
    const r = await runCloudAction(
      deps,
      i.id,
      "StartCollection",
      "SSM SendCommand AWS-RunShellScript (evidence collection)",
      () => deps.cloud.sendCollection(instanceId, { script, evidencePrefix: prefix, comment: `Sightline ${i.id}` }),
    );
    return { commandId: String(r.detail.commandId), prefix, polls: 0, done: false, ok: true };
  } catch (err) {
    if (isTransient(err)) throw err;
    return { commandId: null, prefix, polls: 0, done: true, ok: false };
  }
}
