import { requireRole } from "@/lib/auth/require-role";
import type { RetentionQuery, RetentionResult } from "@/lib/schemas/retention";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";
import { computeRetention } from "./retention";

/** Retention cohorts and their average curve (admins). */
export async function getRetention({
  ctx,
  input,
}: {
  ctx: AnalyticsCtx;
  input: RetentionQuery;
}): Promise<RetentionResult> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  return computeRetention(ctx.db, input, { lake: ctx.eventLake });
}
