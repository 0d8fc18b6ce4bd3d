import { requireRole } from "@/lib/auth/require-role";
import { type FindingsPage, FindingsQuery } from "@/lib/schemas/findings";
import { toSummary } from "./finding-sql";
import { filtersByStatus, statusCondition } from "./findings-filter";
import { type FindingsResultRow, facetsOf, pageOfItems, timelineOf, totalOf } from "./findings-page";
import { buildFindingsQuery } from "./findings-query";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { resolveWindow } from "./lake-window";
import { combineStats } from "./query-stats";
import { activeRules, suppressedBySql } from "./suppressions";
import { triagedIds, triageFor } from "./triage-store";

/** The findings page: one page of current findings, facet counts and the severity timeline, for one filter. */
export async function listFindings({
  ctx,
  input,
  itemsOnly = false,
}: {
  ctx: LakeCtx;
  input: unknown;
  /** Only the page of items (CSV export pages through this). */
  itemsOnly?: boolean;
}): Promise<FindingsPage> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const f = FindingsQuery.parse(input);
  const win = resolveWindow(f);
  const status = filtersByStatus(f.status) ? statusCondition(f.status, await triagedIds(ctx.db)) : null;
  const rules = suppressedBySql(await activeRules(ctx.db));
  const q = buildFindingsQuery({ dialect: ctx.lake.dialect, filter: f, window: win, status, rules, itemsOnly });
  const res = await ctx.lake.query<FindingsResultRow>(q.sql, q.params);
  const page = pageOfItems(res.rows, f);
  const triage = await triageFor(
    ctx.db,
    page.rows.map((r) => r.finding_id),
  );
  return {
    items: page.rows.map((r) => toSummary(r, triage.get(r.finding_id))),
    nextCursor: page.nextCursor,
    total: itemsOnly ? null : totalOf(res.rows),
    facets: facetsOf(res.rows),
    timeline: timelineOf(res.rows),
    window: win,
    stats: combineStats(ctx.lake, [res.stats], true),
  };
}
