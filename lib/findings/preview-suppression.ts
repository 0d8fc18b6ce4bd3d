import { requireRole } from "@/lib/auth/require-role";
import { type SuppressionPreview, SuppressionPreviewQuery } from "@/lib/schemas/suppressions";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { activeRules, recentFindingsSql, ruleCondition, SUPPRESSION_COUNT_DAYS, suppressedBySql } from "./suppressions";
import { triageFor } from "./triage-store";

/**
 * What a rule would hide if it were saved now, before it is: the same findings its "hides" count is
 * taken over (recentFindingsSql) and the same SQL condition the findings list applies (ruleCondition).
 * "Open" follows the list's own status rule: no analyst status beyond new, and no rule hiding it yet.
 */
export async function previewSuppression({
  ctx,
  input,
  now = Date.now(),
}: {
  ctx: LakeCtx;
  input: unknown;
  now?: number;
}): Promise<SuppressionPreview> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const q = SuppressionPreviewQuery.parse(input);
  const rule = { findingType: q.findingType, resource: q.resource ?? null, principal: q.principal ?? null };
  const recent = recentFindingsSql(ctx.lake.dialect, now);
  const hiddenBy = suppressedBySql(await activeRules(ctx.db));
  const res = await ctx.lake.query<{ finding_id: string; suppressed_by: string | null }>(
    `SELECT finding_id, ${hiddenBy} AS suppressed_by FROM (${recent.sql}) c WHERE ${ruleCondition(rule)}`,
    recent.params,
  );
  const triage = await triageFor(
    ctx.db,
    res.rows.map((r) => r.finding_id),
  );
  const open = res.rows.filter((r) => {
    const status = triage.get(r.finding_id)?.status ?? "new";
    return status === "new" && !r.suppressed_by;
  }).length;
  return { matches: res.rows.length, open, days: SUPPRESSION_COUNT_DAYS };
}
