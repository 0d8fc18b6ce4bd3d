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

export async function findIncident(q: Queryable, id: string): Promise<IncidentRow | null> {
  const [r] = await q.query<IncidentRow>("SELECT * FROM incidents WHERE id = $1", [id]);
  return r ?? null;
}

/**
 * The incident a workflow step works on. Its absence is a broken execution, not a user error, so
 * it fails the step as `IncidentNotFound` (the error type Step Functions records).
 */
export async function getIncidentOrThrow(q: Queryable, id: string): Promise<IncidentRow> {
  const i = await findIncident(q, id);
  if (!i) throw Object.assign(new Error(`no incident ${id}`), { name: "IncidentNotFound" });
  return i;
}

export async function listIncidentRows(
  q: Queryable,
  filter: { status: IncidentStatus | null; limit: number },
): Promise<IncidentRow[]> {
  return q.query<IncidentRow>(
    "SELECT * FROM incidents WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id LIMIT $2",
    [filter.status, filter.limit],
  );
}

export async function setStatus(q: Queryable, id: string, status: IncidentStatus, error: string | null = null) {
  await q.query("UPDATE incidents SET status = $2, error = coalesce($3, error), updated_at = now() WHERE id = $1", [
    id,
    status,
    error,
  ]);
}

/** The execution that waits for this incident's approval (the one a decision resumes). */
export async function setExecutionId(q: Queryable, id: string, executionId: string): Promise<void> {
  await q.query("UPDATE incidents SET execution_id = $2 WHERE id = $1", [id, executionId]);
}

/** What enrichment found, the actions it proposes and the original state undo will put back. */
export async function saveEnrichment(
  q: Queryable,
  id: string,
  e: { enrichment: Record<string, unknown>; proposed: ProposedAction[]; original: OriginalState | null },
): Promise<void> {
  await q.query(
    "UPDATE incidents SET enrichment = $2, proposed = $3, original_state = $4, updated_at = now() WHERE id = $1",
    [id, JSON.stringify(e.enrichment), JSON.stringify(e.proposed), e.original ? JSON.stringify(e.original) : null],
  );
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
