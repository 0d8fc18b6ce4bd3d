import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import { REVIEW_ROLES } from "./decide-review";
import { findTask, toReviewSummary } from "./review-store";

/** Claim (or release) a pending review so two reviewers do not work the same item; audited. */
export async function claimReview({
  ctx,
  id,
  claim,
}: {
  ctx: { db: Database; principal: Principal | null };
  id: string;
  claim: boolean;
}) {
  const actor = requireRole(ctx.principal, REVIEW_ROLES);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query(
      claim
        ? "UPDATE review_tasks SET claimed_by = $2, claimed_at = now() WHERE id = $1 AND status = 'pending' AND (claimed_by IS NULL OR claimed_by = $2) RETURNING id"
        : "UPDATE review_tasks SET claimed_by = NULL, claimed_at = NULL WHERE id = $1 AND status = 'pending' AND claimed_by = $2 RETURNING id",
      [id, actor.email],
    );
    const task = await findTask(tx, id);
    if (!task) throw new AppError("not_found", "No such review");
    if (rows.length === 0) {
      throw new AppError(
        "conflict",
        task.status !== "pending" ? `This review is ${task.status}` : `Claimed by ${task.claimed_by ?? "nobody"}`,
      );
    }
    await recordAudit(tx, {
      actor: actor.email,
      action: claim ? "review.claim" : "review.unclaim",
      subject: id,
      executionId: task.execution_id,
    });
    return { review: toReviewSummary(task) };
  });
}
