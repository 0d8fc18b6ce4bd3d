import { CloudActionError } from "@/lib/ports/cloud-controls";
import type { IncidentDeps } from "../deps";
import { findingFacts } from "../finding-event";
import { getIncidentOrThrow } from "../incident-store";
import { ApprovedPayload, parsePayload } from "./payloads";
import { recordApproval } from "./record-approval";
import { runCloudAction } from "./run-cloud-action";

/** DeactivateAccessKey: records who approved, then sets the finding's access key Inactive (reversible). */
export async function deactivateAccessKey(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(ApprovedPayload, payload, "DeactivateAccessKey");
  const i = await getIncidentOrThrow(deps.db, p.incidentId);
  const f = findingFacts(i.finding);
  await recordApproval(deps.db, i.id, "DeactivateAccessKey", p.approval);
  // Runs only after an access-key plan, which Enrich makes only for a finding that names the key.
  const k = f.accessKey;
  if (!k) throw new CloudActionError("DeactivateAccessKey", "NoAccessKey", "the finding names no access key");
  await runCloudAction(
    deps,
    i.id,
    "DeactivateAccessKey",
    `Access key ${k.accessKeyId} of ${k.userName} → Inactive`,
    () => deps.cloud.setAccessKeyStatus(k.userName, k.accessKeyId, "Inactive"),
  );
  return { deactivated: k.accessKeyId };
}
