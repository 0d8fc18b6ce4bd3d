import { requireRole } from "@/lib/auth/require-role";
import type { TrendsQuery, TrendsResult } from "@/lib/schemas/trends";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";
import { computeTrends } from "./trends";

/** Events over time with the previous period and an optional breakdown (admins). */
export async function getTrends({ ctx, input }: { ctx: AnalyticsCtx; input: TrendsQuery }): Promise<TrendsResult> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  return computeTrends(ctx.db, input, { lake: ctx.eventLake });
}
