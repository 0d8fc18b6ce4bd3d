// GET /api/incidents/:id — the incident with its finding, enrichment, proposed actions and one timeline
import { IdParams, withRoute } from "@/lib/http/with-route";
import { getIncident } from "@/lib/incidents/get-incident";
import { INCIDENT_ROLES } from "@/lib/incidents/roles";

export const GET = withRoute({ auth: INCIDENT_ROLES, params: IdParams }, async ({ ctx, principal, params }) =>
  getIncident({ ctx: { db: ctx.db, principal }, id: params.id }),
);
