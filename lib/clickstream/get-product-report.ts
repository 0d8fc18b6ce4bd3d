import { requireRole } from "@/lib/auth/require-role";
import type { ProductReportQuery } from "@/lib/schemas/clickstream-reports";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";
import { computeProductReport } from "./reports";

export async function getProductReport({ ctx, input }: { ctx: AnalyticsCtx; input: ProductReportQuery }) {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  return computeProductReport(ctx.db, input);
}
