import type { IncidentDeps } from "../deps";
import { addEvent } from "../event-store";
import { getIncidentOrThrow } from "../incident-store";
import { ApprovedPayload, parsePayload } from "./payloads";
import { requireOriginalState } from "./quarantine";
import { recordApproval } from "./record-approval";
import { messageOf } from "./run-cloud-action";

/** BeginContainment: records who approved, then makes sure the two quarantine groups exist in the instance's VPC. */
export async function beginContainment(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(ApprovedPayload, payload, "BeginContainment");
  const i = await getIncidentOrThrow(deps.db, p.incidentId);
  await recordApproval(deps.db, i.id, "BeginContainment", p.approval);
  const orig = requireOriginalState(i, "BeginContainment");
  try {
    const g = await deps.cloud.isolationGroups(orig.vpcId);
    for (const c of g.created)
      await addEvent(deps.db, i.id, {
        kind: "action",
        step: "BeginContainment",
        ok: true,
        summary: `${c.action} in ${orig.vpcId}`,
        detail: c,
      });
    return { transition: g.transition, isolation: g.isolation };
  } catch (err) {
    await addEvent(deps.db, i.id, {
      kind: "action",
      step: "BeginContainment",
      ok: false,
      summary: `Quarantine groups could not be prepared: ${messageOf(err)}`,
    });
    throw err;
  }
}
