// GET /api/incidents — incidents, newest first, optionally by status (analysts, reviewers, admins)
import { withRoute } from "@/lib/http/with-route";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { INCIDENT_ROLES } from "@/lib/incidents/roles";
import { IncidentsQuery } from "@/lib/schemas/incidents";

export const GET = withRoute({ auth: INCIDENT_ROLES, query: IncidentsQuery }, async ({ ctx, principal, query }) =>
  listIncidents({ ctx: { db: ctx.db, principal }, input: query }),
);
