import { requireRole } from "@/lib/auth/require-role";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import { IncidentsQuery } from "@/lib/schemas/incidents";
import { listIncidentRows, toSummary } from "./incident-store";
import { INCIDENT_ROLES } from "./roles";

/** Incidents, newest first, optionally by status. */
export async function listIncidents({
  ctx,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  input: unknown;
}) {
  requireRole(ctx.principal, INCIDENT_ROLES);
  const q = IncidentsQuery.parse(input);
  const rows = await listIncidentRows(ctx.db, { status: q.status ?? null, limit: q.limit });
  return { items: rows.map(toSummary) };
}
