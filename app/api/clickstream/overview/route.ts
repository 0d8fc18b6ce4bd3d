// GET /api/clickstream/overview — events, sessions, users, first visits, login states, tops, vs previous period (admins)
import { getOverview } from "@/lib/clickstream/get-overview";
import { withRoute } from "@/lib/http/with-route";
import { OverviewQuery } from "@/lib/schemas/clickstream-reports";

export const GET = withRoute(
  { auth: ["admins"], heavy: true, query: OverviewQuery },
  async ({ ctx, principal, query }) =>
    getOverview({ ctx: { db: ctx.db, raw: ctx.clickstreamRaw, principal }, input: query }),
);
