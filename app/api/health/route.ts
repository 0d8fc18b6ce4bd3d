// GET /api/health — backend, database reachability and version (public, for load balancers)
import { checkHealth } from "@/lib/health";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: "public" }, async ({ ctx }) => {
  const health = await checkHealth(ctx);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});
