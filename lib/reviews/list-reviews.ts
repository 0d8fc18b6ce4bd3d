import { requireRole } from "@/lib/auth/require-role";
import type { Database } from "@/lib/ports/database";
import { type ReviewSummary, ReviewsQuery } from "@/lib/schemas/applications";
import type { Principal } from "@/lib/schemas/auth";
import { REVIEW_ROLES } from "./decide-review";
import { type TaskRow, toReviewSummary } from "./review-store";

const ORDER = {
  due: "due_at, id",
  priority: "priority DESC, due_at, id",
  age: "created_at, id",
  decided: "decided_at DESC NULLS LAST, id",
} as const;

/**
 * The review queue: items from every workflow, soonest due first (or by priority, age, latest
 * decided), filtered by assignee (`me`, `none` or an address), candidate group and workflow. Also
 * the people who hold items of that status, for the assignee filter.
 */
export async function listReviews({
  ctx,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  input: unknown;
}): Promise<{ items: ReviewSummary[]; assignees: string[] }> {
  const actor = requireRole(ctx.principal, REVIEW_ROLES);
  const q = ReviewsQuery.parse(input);
  const assignee = q.assignee === "me" || q.mine === "true" ? actor.email : q.assignee === "none" ? null : q.assignee;
  const rows = await ctx.db.query<TaskRow>(
    `SELECT * FROM review_tasks WHERE status = $1
       AND ($2::text IS NULL OR claimed_by = $2) AND (NOT $3::boolean OR claimed_by IS NULL)
       AND ($4::text IS NULL OR workflow = $4) AND ($5::text IS NULL OR candidate_group = $5)
     ORDER BY ${ORDER[q.sort]} LIMIT 500`,
    [q.status, assignee ?? null, q.assignee === "none", q.workflow ?? null, q.group ?? null],
  );
  const held = await ctx.db.query<{ claimed_by: string }>(
    "SELECT DISTINCT claimed_by FROM review_tasks WHERE status = $1 AND claimed_by IS NOT NULL ORDER BY claimed_by LIMIT 100",
    [q.status],
  );
  return { items: rows.map((r) => toReviewSummary(r)), assignees: held.map((h) => h.claimed_by) };
}
