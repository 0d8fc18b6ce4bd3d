import type { IncidentDeps } from "../deps";
import { getIncidentOrThrow } from "../incident-store";
import { IsolateNetworkPayload, parsePayload } from "./payloads";
import { runCloudAction } from "./run-cloud-action";

/**
 * IsolateNetwork, in two steps: every ENI to the all-traffic group first, then every ENI to the
 * no-rule group (moving tracked connections to untracked before cutting them).
 */
export async function isolateNetwork(deps: IncidentDeps, payload: unknown) {
  const p = parsePayload(IsolateNetworkPayload, payload, "IsolateNetwork");
  const i = await getIncidentOrThrow(deps.db, p.incidentId);
  const enis = i.original_state?.enis ?? [];
  for (const e of enis)
    await runCloudAction(deps, i.id, "IsolateNetwork", `${e.eniId} → transition group ${p.groups.transition}`, () =>
      deps.cloud.setEniGroups(e.eniId, [p.groups.transition]),
    );
  for (const e of enis)
    await runCloudAction(deps, i.id, "IsolateNetwork", `${e.eniId} → isolation group ${p.groups.isolation}`, () =>
      deps.cloud.setEniGroups(e.eniId, [p.groups.isolation]),
    );
  return { enis: enis.length };
}
