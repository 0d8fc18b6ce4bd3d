import { requireRole } from "@/lib/auth/require-role";
import { type ActivityPage, ActivityQuery } from "@/lib/schemas/activity";
import { bucketWidth, histogramOf } from "./activity-histogram";
import { type ActivityResultRow, pageOfEvents, topOf } from "./activity-page";
import { buildActivityQuery } from "./activity-query";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { resolveWindow } from "./lake-window";
import { combineStats } from "./query-stats";

/** CloudTrail search: a page of events for the filter, its events over time, top callers and top denied calls. */
export async function searchActivity({ ctx, input }: { ctx: LakeCtx; input: unknown }): Promise<ActivityPage> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const f = ActivityQuery.parse(input);
  const win = resolveWindow(f);
  const bucketMs = bucketWidth(win);
  const q = buildActivityQuery({ dialect: ctx.lake.dialect, filter: f, window: win, bucketMs });
  const res = await ctx.lake.query<ActivityResultRow>(q.sql, q.params);
  return {
    ...pageOfEvents(res.rows, f.limit),
    ...histogramOf(res.rows, win, bucketMs),
    topCallers: topOf(res.rows, "caller"),
    topDenied: topOf(res.rows, "denied"),
    window: win,
    stats: combineStats(ctx.lake, [res.stats], true),
  };
}
