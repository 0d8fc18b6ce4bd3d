// GET /api/incidents — incidents, newest first, optionally by status (analysts, reviewers, admins)
import { withRoute } from "@/lib/http/with-route";
import { INCIDENT_ROLES, listIncidents } from "@/lib/incidents/verbs";
import { IncidentsQuery } from "@/lib/schemas/incidents";

export const GET = withRoute({ auth: INCIDENT_ROLES, query: IncidentsQuery }, async ({ ctx, principal, query }) =>
  listIncidents({ ctx: { db: ctx.db, principal }, input: query }),
);
