// GET /api/suppressions — active rules with how many findings each hides (analysts, admins)
// POST /api/suppressions — save a rule: type + resource/principal pattern + optional expiry (audited)
import { createSuppression, listSuppressions } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { SuppressionInput } from "@/lib/schemas/suppressions";

export const GET = withRoute({ auth: ["analysts", "admins"] }, async ({ req, ctx, principal }) =>
  listSuppressions({ ctx: { db: ctx.db, lake: withSignal(ctx.lake, req.signal), principal } }),
);

export const POST = withRoute(
  { auth: ["analysts", "admins"], body: SuppressionInput },
  async ({ ctx, principal, body }) => ({
    rule: await createSuppression({ ctx: { db: ctx.db, principal }, input: body }),
  }),
);
