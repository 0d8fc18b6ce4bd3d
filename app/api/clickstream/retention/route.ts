// POST /api/clickstream/retention — retention cohorts and their average curve (admins), from the columnar copy or the warehouse
import { getRetention } from "@/lib/clickstream/get-retention";
import { withRoute } from "@/lib/http/with-route";
import { RetentionQuery } from "@/lib/schemas/retention";

export const POST = withRoute(
  { auth: ["admins"], heavy: true, body: RetentionQuery },
  async ({ ctx, principal, body }) =>
    getRetention({ ctx: { db: ctx.db, principal, eventLake: ctx.eventLake }, input: body }),
);
