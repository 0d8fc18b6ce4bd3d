// POST /api/reviews/:id/decision — approve or reject (reviewers, admins; decide-once, audited)
import { IdParams, withRoute } from "@/lib/http/with-route";
import { decideReview } from "@/lib/reviews/decide-review";
import { DecisionInput } from "@/lib/schemas/applications";

export const POST = withRoute(
  { auth: ["reviewers", "admins"], params: IdParams, body: DecisionInput },
  async ({ ctx, principal, params, body }) =>
    decideReview({ ctx: { db: ctx.db, workflows: ctx.workflows, principal }, id: params.id, input: body }),
);
