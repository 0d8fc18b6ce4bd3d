// POST /api/reviews/decisions — bulk approve/reject; per-item results (reviewers, admins)
import { withRoute } from "@/lib/http/with-route";
import { decideMany } from "@/lib/reviews/decide-many";
import { BulkDecisionInput } from "@/lib/schemas/applications";

export const POST = withRoute(
  { auth: ["reviewers", "admins"], body: BulkDecisionInput },
  async ({ ctx, principal, body }) =>
    decideMany({ ctx: { db: ctx.db, workflows: ctx.workflows, principal }, input: body }),
);
