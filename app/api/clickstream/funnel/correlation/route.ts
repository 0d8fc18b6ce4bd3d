// POST /api/clickstream/funnel/correlation — {funnel, minUnits?}: events and property values that go with converting or dropping out (admins; ≤ 31 days)
import { getFunnelCorrelation } from "@/lib/clickstream/funnel-correlation";
import { withRoute } from "@/lib/http/with-route";
import { FunnelCorrelationQuery } from "@/lib/schemas/funnel-correlation";

export const POST = withRoute(
  { auth: ["admins"], heavy: true, body: FunnelCorrelationQuery },
  async ({ ctx, principal, body }) =>
    getFunnelCorrelation({ ctx: { db: ctx.db, principal, eventLake: ctx.eventLake }, input: body }),
);
