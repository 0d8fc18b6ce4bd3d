// GET /api/activity — CloudTrail search with top callers and top denied calls (analysts, admins)

import { searchActivity } from "@/lib/findings";
import { withRoute } from "@/lib/http/with-route";
import { withSignal } from "@/lib/ports/lake-query";
import { ActivityQuery } from "@/lib/schemas/activity";

export const GET = withRoute(
  { auth: ["analysts", "admins"], query: ActivityQuery },
  async ({ req, ctx, principal, query }) =>
    searchActivity({ ctx: { db: ctx.db, lake: withSignal(ctx.lake, req.signal), principal }, input: query }),
);
