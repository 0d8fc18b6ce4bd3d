// GET /api/entities?kind=ip&value=… — one timeline for an IP, ARN, instance or access key (analysts, admins)

import { EntityInput, getEntityTimeline } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";

export const GET = withRoute(
  { auth: ["analysts", "admins"], query: EntityInput },
  async ({ req, ctx, principal, query }) =>
    getEntityTimeline({ ctx: { db: ctx.db, lake: withSignal(ctx.lake, req.signal), principal }, input: query }),
);
