import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { ExecutionEvent, WorkflowEngine, WorkflowName } from "@/lib/ports/workflow-engine";
import type { ReviewSummary } from "@/lib/schemas/applications";
import type { Principal } from "@/lib/schemas/auth";
import type { WorkflowGraphDto } from "@/lib/schemas/reviews";
import { drawWorkflow } from "@/lib/workflows/draw-workflow";
import { REVIEW_ROLES } from "./decide-review";
import { findTask, toReviewSummary } from "./review-store";

export interface ReviewDetail {
  review: ReviewSummary;
  payload: Record<string, unknown>;
  execution: { id: string; status: string };
  history: ExecutionEvent[];
  graph: WorkflowGraphDto;
}

export async function getReview({
  ctx,
  id,
}: {
  ctx: { db: Database; workflows: WorkflowEngine; principal: Principal | null };
  id: string;
}): Promise<ReviewDetail> {
  requireRole(ctx.principal, REVIEW_ROLES);
  const task = await findTask(ctx.db, id);
  if (!task) throw new AppError("not_found", "No such review");
  const execution = await ctx.workflows.describe(task.execution_id);
  const history = await ctx.workflows.history(task.execution_id);
  return {
    review: toReviewSummary(task),
    payload: task.payload,
    execution: { id: execution.executionId, status: execution.status },
    history,
    graph: drawWorkflow(
      task.workflow as WorkflowName,
      new Set(history.flatMap((h) => (h.type === "StateEntered" && h.state ? [h.state] : []))),
      task.status === "pending" ? task.state : null,
    ),
  };
}
