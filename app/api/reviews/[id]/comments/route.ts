// GET /api/reviews/:id/comments — a review item's comment thread (reviewers, admins)
// POST /api/reviews/:id/comments — add a comment (reviewers, admins; audited)
import { IdParams, withRoute } from "@/lib/http/with-route";
import { commentOnReview } from "@/lib/reviews/comment-review";
import { listReviewComments } from "@/lib/reviews/list-review-comments";
import { ReviewCommentInput } from "@/lib/schemas/reviews";

export const GET = withRoute({ auth: ["reviewers", "admins"], params: IdParams }, async ({ ctx, principal, params }) =>
  listReviewComments({ ctx: { db: ctx.db, principal }, id: params.id }),
);

export const POST = withRoute(
  { auth: ["reviewers", "admins"], params: IdParams, body: ReviewCommentInput },
  async ({ ctx, principal, params, body }) =>
    commentOnReview({ ctx: { db: ctx.db, principal }, id: params.id, input: body }),
);
