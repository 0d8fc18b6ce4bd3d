// POST /api/reviews/:id/claim — claim or release a pending review (reviewers, admins; audited)
import { z } from "zod";
import { IdParams, withRoute } from "@/lib/http/with-route";
import { claimReview } from "@/lib/reviews/claim-review";

const ClaimInput = z.object({ claim: z.boolean() }).strict();

export const POST = withRoute(
  { auth: ["reviewers", "admins"], params: IdParams, body: ClaimInput },
  async ({ ctx, principal, params, body }) =>
    claimReview({ ctx: { db: ctx.db, principal }, id: params.id, claim: body.claim }),
);
