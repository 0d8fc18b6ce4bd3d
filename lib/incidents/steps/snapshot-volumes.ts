import type { IncidentDeps } from "../deps";
import { getIncidentOrThrow } from "../incident-store";
import { IncidentPayload, parsePayload } from "./payloads";
import { QUARANTINE_TAG } from "./quarantine";
import { isTransient, runCloudAction } from "./run-cloud-action";

/**
 * SnapshotVolumes: a failed snapshot is recorded and the containment goes on (isolation matters
 * more); throttling is thrown so the state machine retries it.
 */
export async function snapshotVolumes(deps: IncidentDeps, payload: unknown) {
  const { incidentId } = parsePayload(IncidentPayload, payload, "SnapshotVolumes");
  const i = await getIncidentOrThrow(deps.db, incidentId);
  const inst = await deps.cloud.describeInstance(i.original_state?.instanceId ?? "");
  const snapshots: string[] = [];
  for (const v of inst?.volumes ?? []) {
    try {
      const r = await runCloudAction(deps, i.id, "SnapshotVolumes", `Snapshot of ${v.volumeId} (${v.device})`, () =>
        deps.cloud.snapshotVolume(v.volumeId, `Sightline incident ${i.id}: ${i.finding_type}`, {
          [QUARANTINE_TAG]: i.id,
        }),
      );
      snapshots.push(String(r.detail.snapshotId));
    } catch (err) {
      if (isTransient(err)) throw err;
    }
  }
  return { snapshots };
}
