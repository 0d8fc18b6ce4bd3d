import type { Queryable } from "@/lib/ports/database";
import type { FindingFacts } from "./finding-event";

/*
 * Where a reported finding lands: a repeat of an incident's own finding, another finding on a
 * resource whose incident is still open, or a new incident. Run inside one transaction.
 */

/** Counts a repeat of the finding an incident was opened for; the incident's id, or null when there is none. */
export async function countRepeatedFinding(q: Queryable, findingId: string): Promise<string | null> {
  const [same] = await q.query<{ id: string }>(
    "UPDATE incidents SET finding_count = finding_count + 1, updated_at = now() WHERE finding_id = $1 RETURNING id",
    [findingId],
  );
  return same?.id ?? null;
}

/** The incident still being worked on the resource (open, awaiting approval or containing), if any. */
export async function findActiveIncidentOn(q: Queryable, resourceId: string): Promise<string | null> {
  const [active] = await q.query<{ id: string }>(
    "SELECT id FROM incidents WHERE resource_id = $1 AND status IN ('open', 'awaiting_approval', 'containing')",
    [resourceId],
  );
  return active?.id ?? null;
}

/** Counts another finding that joined the incident. */
export async function countJoinedFinding(q: Queryable, incidentId: string): Promise<void> {
  await q.query("UPDATE incidents SET finding_count = finding_count + 1, updated_at = now() WHERE id = $1", [
    incidentId,
  ]);
}

export interface NewIncident {
  id: string;
  facts: FindingFacts;
  simulated: boolean;
  /** The finding as the event carried it. */
  finding: unknown;
  executionId: string | null;
}

export async function insertIncident(q: Queryable, n: NewIncident): Promise<void> {
  const f = n.facts;
  await q.query(
    `INSERT INTO incidents (id, finding_id, title, finding_type, severity, severity_vendor, resource_type, resource_id,
       account_id, region, simulated, finding, execution_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      n.id,
      f.findingId,
      f.title,
      f.type,
      f.severity,
      f.severityVendor,
      f.resourceType,
      f.resourceId,
      f.accountId,
      f.region,
      n.simulated,
      JSON.stringify(n.finding),
      n.executionId,
    ],
  );
}
