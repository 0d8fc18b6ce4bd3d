// GET /api/detections/rules — every rule (built-in and Sigma) with settings, hits, false-positive share, exceptions (analysts, admins)
import { listRules } from "@/lib/detections/list-rules";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";

export const GET = withRoute({ auth: ["analysts", "admins"] }, async ({ req, ctx, principal }) =>
  listRules({ ctx: { ...ctx, lake: withSignal(ctx.lake, req.signal), principal } }),
);
