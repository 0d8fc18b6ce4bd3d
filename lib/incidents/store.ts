import type { Queryable } from "@/lib/ports/database";
import type { IncidentStatus, IncidentSummary, ProposedAction } from "@/lib/schemas/incidents";

export interface IncidentRow {
  id: string;
  finding_id: string;
  title: string;
  finding_type: string;
  severity: number;
  severity_vendor: number | null;
  resource_type: string;
  resource_id: string | null;
  account_id: string | null;
  region: string | null;
  status: IncidentStatus;
  simulated: boolean;
  execution_id: string | null;
  finding: Record<string, unknown>;
  enrichment: Record<string, unknown> | null;
  proposed: ProposedAction[];
  original_state: OriginalState | null;
  finding_count: number;
  error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What an instance looked like before containment: what undo and the failure path put back. */
export interface OriginalState {
  instanceId: string;
  vpcId: string;
  enis: { eniId: string; groups: string[] }[];
  asg: string | null;
  terminationProtection: boolean;
  profile: { arn: string; associationId: string } | null;
  tags: Record<string, string>;
}

/** The kinds `incident_events.kind` accepts (its CHECK constraint). */
export type EventKind =
  | "finding"
  | "enrichment"
  | "approval"
  | "action"
  | "evidence"
  | "notification"
  | "undo"
  | "outcome"
  | "error";

export async function findIncident(q: Queryable, id: string): Promise<IncidentRow | null> {
  const [r] = await q.query<IncidentRow>("SELECT * FROM incidents WHERE id = $1", [id]);
  return r ?? null;
}

export async function addEvent(
  q: Queryable,
  incidentId: string,
  e: { kind: EventKind; step: string; ok: boolean; summary: string; detail?: unknown; actor?: string },
): Promise<void> {
  await q.query(
    "INSERT INTO incident_events (incident_id, kind, step, ok, actor, summary, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [incidentId, e.kind, e.step, e.ok, e.actor ?? "system", e.summary, JSON.stringify(e.detail ?? {})],
  );
}

export async function setStatus(q: Queryable, id: string, status: IncidentStatus, error: string | null = null) {
  await q.query("UPDATE incidents SET status = $2, error = coalesce($3, error), updated_at = now() WHERE id = $1", [
    id,
    status,
    error,
  ]);
}

export const toSummary = (r: IncidentRow): IncidentSummary => ({
  id: r.id,
  findingId: r.finding_id,
  title: r.title,
  findingType: r.finding_type,
  severity: r.severity,
  severityVendor: r.severity_vendor,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  accountId: r.account_id,
  region: r.region,
  status: r.status,
  simulated: r.simulated,
  findingCount: r.finding_count,
  error: r.error,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});
