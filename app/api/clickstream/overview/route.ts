// GET /api/clickstream/overview — events, sessions, users, first visits, login states, tops, vs previous period (admins)
import { overviewFor } from "@/lib/clickstream/analytics";
import { withRoute } from "@/lib/http/with-route";
import { OverviewQuery } from "@/lib/schemas/clickstream-reports";

export const GET = withRoute(
  { auth: ["admins"], heavy: true, query: OverviewQuery },
  async ({ ctx, principal, query }) =>
    overviewFor({ ctx: { db: ctx.db, raw: ctx.clickstreamRaw, principal }, input: query }),
);
