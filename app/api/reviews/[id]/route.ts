// GET /api/reviews/:id — a review with the submitted data, flagging rules, execution history and graph
import { IdParams, withRoute } from "@/lib/http/with-route";
import { getReview } from "@/lib/reviews/get-review";

export const GET = withRoute({ auth: ["reviewers", "admins"], params: IdParams }, async ({ ctx, principal, params }) =>
  getReview({ ctx: { db: ctx.db, workflows: ctx.workflows, principal }, id: params.id }),
);
