// GET /api/clickstream/paths/flow?event=&direction=start|end&depth=&maxNodes=&exclude=a,b&from=&to= — paths as a flow diagram (admins; ≤ 31 days)
import { getPaths } from "@/lib/clickstream/paths";
import { withRoute } from "@/lib/http/with-route";
import { PathsQuery } from "@/lib/schemas/paths";

export const GET = withRoute({ auth: ["admins"], heavy: true, query: PathsQuery }, async ({ ctx, principal, query }) =>
  getPaths({ ctx: { db: ctx.db, principal, eventLake: ctx.eventLake }, input: query }),
);
