// POST /api/clickstream/trends — events over time against the previous period, with an optional breakdown (admins)
import { getTrends } from "@/lib/clickstream/get-trends";
import { withRoute } from "@/lib/http/with-route";
import { TrendsQuery } from "@/lib/schemas/trends";

export const POST = withRoute({ auth: ["admins"], heavy: true, body: TrendsQuery }, async ({ ctx, principal, body }) =>
  getTrends({ ctx: { db: ctx.db, principal, eventLake: ctx.eventLake }, input: body }),
);
