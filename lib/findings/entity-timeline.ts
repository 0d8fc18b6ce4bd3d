import { requireRole } from "@/lib/auth/require-role";
import type { EntityTimeline } from "@/lib/schemas/activity";
import { EntityInput } from "@/lib/schemas/entities";
import { lookupAwsIp } from "./aws-ip-ranges";
import { type EventRow, entityEventsQuery, toActivityEvent } from "./entity-events";
import { entitySummaryQuery, type SummaryRow, toEntitySummary } from "./entity-summary";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { resolveWindow } from "./lake-window";
import { combineStats } from "./query-stats";

export { EntityInput };

/**
 * The pivot: for an IP, ARN, instance id or access key, a summary first (first/last seen, what it
 * called, where, what fired about it; for an IP whether AWS publishes it as its own), then one
 * timeline across CloudTrail, VPC Flow and findings.
 */
export async function getEntityTimeline({ ctx, input }: { ctx: LakeCtx; input: unknown }): Promise<EntityTimeline> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const e = EntityInput.parse(input);
  const win = resolveWindow({ from: e.from, to: e.to });
  const entity = { kind: e.kind, value: e.value };
  const q = entityEventsQuery(ctx.lake.dialect, [entity], win, 500);
  const s = entitySummaryQuery(ctx.lake.dialect, entity, win);
  const [events, summary, aws] = await Promise.all([
    ctx.lake.query<EventRow>(q.sql, q.params),
    ctx.lake.query<SummaryRow>(s.sql, s.params),
    e.kind === "ip" ? lookupAwsIp(e.value) : Promise.resolve(null),
  ]);
  return {
    kind: e.kind,
    value: e.value,
    summary: toEntitySummary(summary.rows),
    aws,
    events: events.rows.map(toActivityEvent),
    window: win,
    stats: combineStats(ctx.lake, [events.stats, summary.stats], true),
  };
}
