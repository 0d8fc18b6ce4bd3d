// POST /api/clickstream/funnel — run a funnel (admins): counts, drop-off, revenue lost, time to convert, breakdown, explain
import { getFunnel } from "@/lib/clickstream/get-funnel";
import { withRoute } from "@/lib/http/with-route";
import { FunnelQuery } from "@/lib/schemas/funnel";

export const POST = withRoute({ auth: ["admins"], heavy: true, body: FunnelQuery }, async ({ ctx, principal, body }) =>
  getFunnel({ ctx: { db: ctx.db, principal, eventLake: ctx.eventLake }, input: body }),
);
