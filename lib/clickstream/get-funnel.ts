import { requireRole } from "@/lib/auth/require-role";
import type { FunnelQuery } from "@/lib/schemas/funnel";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";
import { runFunnel } from "./run-funnel";

export async function getFunnel({ ctx, input }: { ctx: AnalyticsCtx; input: FunnelQuery }) {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  return runFunnel(ctx.db, input, ctx.eventLake);
}
