import type { Queryable } from "@/lib/ports/database";
import type { LakeRow } from "./tables";

export interface FindingEventRow {
  findingId: string;
  updatedAt: number;
  origin: string;
  severity: number;
  severityVendor: number | null;
  /** EventBridge shape: `{ "detail-type", source, account, region, time, detail }` with GuardDuty's camelCase detail. */
  event: Record<string, unknown>;
}

const iso = (ms: unknown) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

/** A `findings` row as the event GuardDuty (or our detection engine) would emit for it. */
export function findingEventOf(row: LakeRow): FindingEventRow {
  const detail = JSON.parse(String(row.detail ?? "{}")) as { service?: unknown; resource?: unknown };
  const origin = String(row.origin);
  return {
    findingId: String(row.finding_id),
    updatedAt: Number(row.updated_at),
    origin,
    severity: Number(row.severity),
    severityVendor: row.severity_vendor == null ? null : Number(row.severity_vendor),
    event: {
      "detail-type": origin === "guardduty" ? "GuardDuty Finding" : "Sightline Detection",
      source: origin === "guardduty" ? "aws.guardduty" : "sightline.detections",
      account: row.account_id ?? null,
      region: row.region ?? null,
      time: iso(row.updated_at),
      detail: {
        id: row.finding_id,
        type: row.finding_type,
        title: row.title,
        description: row.description ?? row.explanation ?? "",
        severity: row.severity_vendor ?? row.severity,
        accountId: row.account_id ?? null,
        region: row.region ?? null,
        createdAt: iso(row.first_seen),
        updatedAt: iso(row.updated_at),
        resource: detail.resource ?? { resourceType: row.resource_type, resourceId: row.resource_id },
        service: detail.service ?? null,
      },
    },
  };
}

/**
 * Raises the object's findings as events (the local counterpart of GuardDuty → EventBridge): one
 * row per (finding, update), so re-processing an object raises nothing new.
 */
export async function raiseFindingEvents(db: Queryable, events: readonly FindingEventRow[]): Promise<number> {
  let raised = 0;
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    const r = await db.query(
      `INSERT INTO finding_events (finding_id, updated_at, origin, severity, severity_vendor, event)
       SELECT finding_id, to_timestamp(ms / 1000.0), origin, severity, severity_vendor, event
       FROM unnest($1::text[], $2::double precision[], $3::text[], $4::int[], $5::double precision[], $6::jsonb[])
         AS t(finding_id, ms, origin, severity, severity_vendor, event)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [
        batch.map((e) => e.findingId),
        batch.map((e) => e.updatedAt),
        batch.map((e) => e.origin),
        batch.map((e) => e.severity),
        batch.map((e) => e.severityVendor),
        batch.map((e) => JSON.stringify(e.event)),
      ],
    );
    raised += r.length;
  }
  return raised;
}
