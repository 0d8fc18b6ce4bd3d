// GET /api/reviews — the review queue (reviewers, admins)
import { withRoute } from "@/lib/http/with-route";
import { listReviews } from "@/lib/reviews/list-reviews";
import { ReviewsQuery } from "@/lib/schemas/applications";

export const GET = withRoute(
  { auth: ["reviewers", "admins"], query: ReviewsQuery },
  async ({ ctx, principal, query }) => listReviews({ ctx: { db: ctx.db, principal }, input: query }),
);
