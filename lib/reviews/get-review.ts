import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { ExecutionEvent, WorkflowEngine, WorkflowName } from "@/lib/ports/workflow-engine";
import type { ReviewSummary } from "@/lib/schemas/applications";
import type { Principal } from "@/lib/schemas/auth";
import { localArns, renderAsl } from "@/lib/workflows/definitions";
import { REVIEW_ROLES } from "./decide-review";
import { findTask, toReviewSummary } from "./review-store";

export interface GraphNode {
  name: string;
  type: string;
  next: string[];
  visited: boolean;
  current: boolean;
}

export interface ReviewDetail {
  review: ReviewSummary;
  payload: Record<string, unknown>;
  execution: { id: string; status: string };
  history: ExecutionEvent[];
  graph: GraphNode[];
}

/** The state machine as nodes and edges, with the states this execution visited and where it waits. */
function graphOf(workflow: WorkflowName, history: ExecutionEvent[], current: string | null): GraphNode[] {
  const def = renderAsl(workflow, localArns(workflow)) as {
    States: Record<
      string,
      { Type: string; Next?: string; Default?: string; Choices?: { Next: string }[]; Catch?: { Next: string }[] }
    >;
  };
  const visited = new Set(history.filter((h) => h.type === "StateEntered").map((h) => h.state));
  return Object.entries(def.States).map(([name, s]) => ({
    name,
    type: s.Type,
    next: [
      ...new Set(
        [s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next), ...(s.Catch ?? []).map((c) => c.Next)].filter(
          Boolean,
        ),
      ),
    ] as string[],
    visited: visited.has(name),
    current: name === current,
  }));
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
    graph: graphOf(task.workflow as WorkflowName, history, task.status === "pending" ? task.state : null),
  };
}
