import { requireRole } from "@/lib/auth/require-role";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { OverviewQuery } from "@/lib/schemas/clickstream-reports";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";
import { computeOverview } from "./reports";

export async function getOverview({ ctx, input }: { ctx: AnalyticsCtx & { raw: ObjectStore }; input: OverviewQuery }) {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  return computeOverview(ctx.db, ctx.raw, input);
}
