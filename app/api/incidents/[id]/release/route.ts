// POST /api/incidents/:id/release — ask to release a contained instance (admins; a second person approves it in the review queue)
import { IdParams, withRoute } from "@/lib/http/with-route";
import { requestRelease } from "@/lib/incidents/request-release";
import { RELEASE_ROLES } from "@/lib/incidents/roles";
import { ReleaseInput } from "@/lib/schemas/incidents";

export const POST = withRoute(
  { auth: RELEASE_ROLES, params: IdParams, body: ReleaseInput },
  async ({ ctx, principal, params, body }) =>
    requestRelease({
      ctx: { db: ctx.db, workflows: ctx.workflows, principal },
      id: params.id,
      input: body,
      approvalSeconds: ctx.env.SIGHTLINE_INCIDENT_APPROVAL_SECONDS,
    }),
);
