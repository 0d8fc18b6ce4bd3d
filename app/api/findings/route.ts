// GET /api/findings — one page of current findings with facets, timeline and query stats (analysts, admins)

import { listFindings } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { FindingsQuery } from "@/lib/schemas/findings";

export const GET = withRoute(
  { auth: ["analysts", "admins"], query: FindingsQuery },
  async ({ req, ctx, principal, query }) =>
    listFindings({ ctx: { db: ctx.db, lake: withSignal(ctx.lake, req.signal), principal }, input: query }),
);
