import { requireRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import { BulkDecisionInput, type BulkDecisionResult } from "@/lib/schemas/applications";
import type { Principal } from "@/lib/schemas/auth";
import { decideReview, REVIEW_ROLES } from "./decide-review";

/** Bulk approve/reject: each item is its own decide-once decision; the answer says what happened to each. */
export async function decideMany({
  ctx,
  input,
}: {
  ctx: { db: Database; workflows: WorkflowEngine; principal: Principal | null };
  input: unknown;
}): Promise<{ results: BulkDecisionResult[] }> {
  requireRole(ctx.principal, REVIEW_ROLES);
  const v = BulkDecisionInput.parse(input);
  const results: BulkDecisionResult[] = [];
  for (const id of [...new Set(v.ids)]) {
    try {
      await decideReview({ ctx, id, input: { decision: v.decision, ...(v.comment ? { comment: v.comment } : {}) } });
      results.push({ id, ok: true, status: 200 });
    } catch (err) {
      if (!isAppError(err)) throw err;
      results.push({ id, ok: false, status: err.status, code: err.code, message: err.message });
    }
  }
  return { results };
}
