// GET /api/suppressions/preview — how many findings a rule would hide (and how many are open) before it is saved (analysts, admins)
import { previewSuppression } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { SuppressionPreviewQuery } from "@/lib/schemas/suppressions";

export const GET = withRoute(
  { auth: ["analysts", "admins"], query: SuppressionPreviewQuery },
  async ({ req, ctx, principal, query }) =>
    previewSuppression({ ctx: { db: ctx.db, lake: withSignal(ctx.lake, req.signal), principal }, input: query }),
);
