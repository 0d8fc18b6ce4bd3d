import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError, isAppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import { DecisionInput } from "@/lib/schemas/applications";
import type { Principal } from "@/lib/schemas/auth";
import { findTask, toReviewSummary } from "./review-store";

export const REVIEW_ROLES = ["reviewers", "admins"] as const;

/**
 * Approve or reject a pending review. Decide-once: the decision is a conditional update
 * (`status = 'pending'` and not past due) in one transaction with its audit entry; whoever loses a
 * race gets 409 naming the winner; a task past its SLA gets 410. Only then is the workflow resumed
 * (the token never leaves the server). The submitter can never decide their own item.
 */
export async function decideReview({
  ctx,
  id,
  input,
}: {
  ctx: { db: Database; workflows: WorkflowEngine; principal: Principal | null };
  id: string;
  input: unknown;
}) {
  const actor = requireRole(ctx.principal, REVIEW_ROLES);
  const d = DecisionInput.parse(input);
  const status = d.decision === "approve" ? "approved" : "rejected";
  const task = await ctx.db.transaction(async (tx) => {
    const current = await findTask(tx, id);
    if (!current) throw new AppError("not_found", "No such review");
    if (current.submitted_by === actor.email)
      throw new AppError("forbidden", "You submitted this item; someone else must decide it");
    const [won] = await tx.query<{ token: string; execution_id: string }>(
      `UPDATE review_tasks SET status = $2, decided_by = $3, decided_at = now(), comment = $4
       WHERE id = $1 AND status = 'pending' AND due_at > now() RETURNING token, execution_id`,
      [id, status, actor.email, d.comment ?? null],
    );
    if (!won) {
      const now = await findTask(tx, id);
      if (now?.status === "pending" || now?.status === "expired")
        throw new AppError("gone", "This review expired: its SLA passed before a decision");
      if (now?.decided_by)
        throw new AppError(
          "conflict",
          `Already ${now.status} by ${now.decided_by} at ${new Date(now.decided_at ?? 0).toISOString().slice(0, 16).replace("T", " ")} UTC`,
          {
            decidedBy: now.decided_by,
            status: now.status,
          },
        );
      throw new AppError("conflict", "This review is closed");
    }
    await recordAudit(tx, {
      actor: actor.email,
      action: `review.${status}`,
      subject: id,
      reason: d.comment,
      executionId: won.execution_id,
      detail: { decision: d.decision },
    });
    return { ...current, token: won.token };
  });

  // Resume the workflow. Locally a missing waiter is harmless: the decision is in the task row,
  // which a restarted engine reads when it re-enters the waiting state.
  try {
    if (status === "approved") {
      await ctx.workflows.sendTaskSuccess(task.token, {
        taskId: id,
        decidedBy: actor.email,
        comment: d.comment ?? null,
      });
    } else {
      await ctx.workflows.sendTaskFailure(task.token, "Rejected", d.comment ?? "rejected");
    }
  } catch (err) {
    if (!(isAppError(err) && err.code === "gone")) throw err;
  }
  const after = await findTask(ctx.db, id);
  return { review: toReviewSummary(after ?? task) };
}
