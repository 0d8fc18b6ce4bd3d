import { requireRole } from "@/lib/auth/require-role";
import type { Database } from "@/lib/ports/database";
import { type ReviewSummary, ReviewsQuery } from "@/lib/schemas/applications";
import type { Principal } from "@/lib/schemas/auth";
import { REVIEW_ROLES } from "./decide-review";
import { type TaskRow, toReviewSummary } from "./review-store";

/** The review queue: items from every workflow, soonest due (or oldest) first. */
export async function listReviews({
  ctx,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  input: unknown;
}): Promise<{ items: ReviewSummary[] }> {
  const actor = requireRole(ctx.principal, REVIEW_ROLES);
  const q = ReviewsQuery.parse(input);
  const rows = await ctx.db.query<TaskRow>(
    `SELECT * FROM review_tasks WHERE status = $1 AND ($2::text IS NULL OR claimed_by = $2) AND ($3::text IS NULL OR workflow = $3)
     ORDER BY ${q.sort === "due" ? "due_at" : "created_at"}, id LIMIT 500`,
    [q.status, q.mine === "true" ? actor.email : null, q.workflow ?? null],
  );
  return { items: rows.map((r) => toReviewSummary(r)) };
}
