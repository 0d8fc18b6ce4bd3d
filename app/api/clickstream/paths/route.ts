// GET /api/clickstream/paths?start=&end=&from=&to= — top paths between two events (admins; ≤ 7 days)
import { listTopPaths } from "@/lib/clickstream/list-top-paths";
import { withRoute } from "@/lib/http/with-route";
import { TopPathsQuery } from "@/lib/schemas/clickstream-reports";

export const GET = withRoute(
  { auth: ["admins"], heavy: true, query: TopPathsQuery },
  async ({ ctx, principal, query }) => listTopPaths({ ctx: { db: ctx.db, principal }, input: query }),
);
