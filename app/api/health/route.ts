// GET /api/health — status for load balancers (public); backend, database and version details for admins only
import { checkHealth } from "@/lib/http/health";
import { withRoute } from "@/lib/http/with-route";
import { hasAnyRole } from "@/lib/schemas/auth";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: "public" }, async ({ ctx, principal }) => {
  const health = await checkHealth(ctx);
  const status = health.status === "ok" ? 200 : 503;
  // Versions and build strings help an attacker more than a load balancer: only admins see them.
  const body = principal && hasAnyRole(principal, ["admins"]) ? health : { status: health.status };
  return Response.json(body, { status });
});
