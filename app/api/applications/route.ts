// POST /api/applications — submit an application; starts its review workflow (any signed-in user, or an API key)

import { submitApplication } from "@/lib/applications/submit-application";
import { withRoute } from "@/lib/http/with-route";
import { ApplicationInput } from "@/lib/schemas/applications";

export const POST = withRoute(
  { auth: "signed-in", apiKey: true, body: ApplicationInput },
  async ({ ctx, principal, body }) =>
    submitApplication({
      ctx: {
        db: ctx.db,
        workflows: ctx.workflows,
        submitter: principal.email,
        slaSeconds: ctx.env.SIGHTLINE_REVIEW_SLA_SECONDS,
      },
      input: body,
    }),
);
