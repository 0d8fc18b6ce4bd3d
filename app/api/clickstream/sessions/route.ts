// GET /api/clickstream/sessions — sessions with their paths, newest first (admins)
import { listSessions } from "@/lib/clickstream/list-sessions";
import { withRoute } from "@/lib/http/with-route";
import { SessionsQuery } from "@/lib/schemas/clickstream-reports";

export const GET = withRoute(
  { auth: ["admins"], heavy: true, query: SessionsQuery },
  async ({ ctx, principal, query }) => listSessions({ ctx: { db: ctx.db, principal }, input: query }),
);
