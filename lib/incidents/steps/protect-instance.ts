import type { IncidentDeps } from "../deps";
import { getIncidentOrThrow } from "../incident-store";
import { IncidentPayload, parsePayload } from "./payloads";
import { QUARANTINE_TAG, requireOriginalState } from "./quarantine";
import { runCloudAction } from "./run-cloud-action";

/** ProtectInstance: termination protection on, the quarantine tag, and the quarantine profile when one is set. */
export async function protectInstance(deps: IncidentDeps, payload: unknown) {
  const { incidentId } = parsePayload(IncidentPayload, payload, "ProtectInstance");
  const i = await getIncidentOrThrow(deps.db, incidentId);
  const { instanceId, profile } = requireOriginalState(i, "ProtectInstance");
  await runCloudAction(deps, i.id, "ProtectInstance", "Termination protection on", () =>
    deps.cloud.setTerminationProtection(instanceId, true),
  );
  await runCloudAction(deps, i.id, "ProtectInstance", `Tagged ${QUARANTINE_TAG}=${i.id}`, () =>
    deps.cloud.tagInstance(instanceId, { [QUARANTINE_TAG]: i.id }),
  );
  const target = deps.config.quarantineProfileArn;
  if (target && profile)
    await runCloudAction(deps, i.id, "ProtectInstance", `Instance profile → ${target}`, () =>
      deps.cloud.replaceProfile(profile.associationId, target),
    );
  return { protected: true };
}
