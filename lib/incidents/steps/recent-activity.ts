import { type EventRow, entityEventsQuery, toActivityEvent } from "@/lib/findings/entity-events";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { FindingFacts } from "../finding-event";
import { messageOf } from "./run-cloud-action";

/**
 * The instance's or key's activity in the lake from a day before the finding to an hour after,
 * as enrichment fields. A lake failure is recorded, not thrown: it does not stop the response.
 */
export async function lookUpRecentActivity(lake: LakeQueryEngine | null, f: FindingFacts) {
  const entity =
    f.resourceType === "Instance" && f.instanceId
      ? { kind: "instance" as const, value: f.instanceId }
      : f.accessKey?.accessKeyId
        ? { kind: "access-key" as const, value: f.accessKey.accessKeyId }
        : null;
  if (!entity || !lake) return {};
  try {
    const to = Date.parse(f.updatedAt ?? "") || Date.now();
    const q = entityEventsQuery(
      lake.dialect,
      [entity],
      { from: new Date(to - 86_400_000).toISOString(), to: new Date(to + 3_600_000).toISOString() },
      20,
    );
    const { rows } = await lake.query<EventRow>(q.sql, q.params);
    return { recentActivity: rows.map(toActivityEvent) };
  } catch (err) {
    return { recentActivityError: messageOf(err) };
  }
}
