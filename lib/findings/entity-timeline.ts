import { z } from "zod";
import { requireRole } from "@/lib/auth/require-role";
import { EntityKind, type EntityTimeline } from "@/lib/schemas/activity";
import { Instant, RangeEnd } from "@/lib/schemas/common";
import { type EventRow, entityEventsQuery, toActivityEvent } from "./entity-events";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { resolveWindow } from "./lake-window";
import { combineStats } from "./query-stats";

export const EntityInput = z
  .object({
    kind: EntityKind,
    value: z.string().trim().min(3).max(300),
    from: Instant.optional(),
    to: RangeEnd.optional(),
  })
  .strict();

/** The pivot: one timeline for an IP, ARN, instance id or access key across CloudTrail, VPC Flow and findings. */
export async function getEntityTimeline({ ctx, input }: { ctx: LakeCtx; input: unknown }): Promise<EntityTimeline> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const e = EntityInput.parse(input);
  const win = resolveWindow({ from: e.from, to: e.to });
  const q = entityEventsQuery(ctx.lake.dialect, [{ kind: e.kind, value: e.value }], win, 500);
  const res = await ctx.lake.query<EventRow>(q.sql, q.params);
  return {
    kind: e.kind,
    value: e.value,
    events: res.rows.map(toActivityEvent),
    window: win,
    stats: combineStats(ctx.lake, [res.stats], true),
  };
}
