import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import { type ReviewCommentDto, ReviewCommentInput } from "@/lib/schemas/reviews";
import { REVIEW_ROLES } from "./decide-review";
import { insertComment } from "./review-comments";
import { findTask } from "./review-store";

/**
 * Adds to a review item's comment thread, whatever its status (the discussion may go on after the
 * decision), in one transaction with its audit entry.
 */
export async function commentOnReview({
  ctx,
  id,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  id: string;
  input: unknown;
}): Promise<{ comment: ReviewCommentDto }> {
  const actor = requireRole(ctx.principal, REVIEW_ROLES);
  const v = ReviewCommentInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const task = await findTask(tx, id);
    if (!task) throw new AppError("not_found", "No such review");
    const comment = await insertComment(tx, { reviewId: id, author: actor.email, body: v.body });
    await recordAudit(tx, {
      actor: actor.email,
      action: "review.comment",
      subject: id,
      reason: v.body,
      executionId: task.execution_id,
    });
    return { comment };
  });
}
