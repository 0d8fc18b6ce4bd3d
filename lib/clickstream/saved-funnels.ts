import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { SavedFunnel } from "@/lib/schemas/clickstream-reports";
import { FunnelQuery } from "@/lib/schemas/funnel";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";

const toSaved = (r: {
  id: string;
  name: string;
  definition: Record<string, unknown>;
  created_by: string;
  created_at: Date;
}) => ({
  id: r.id,
  name: r.name,
  definition: r.definition,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Saves a named funnel (its definition must be a valid funnel); audited. */
export async function saveFunnel({
  ctx,
  input,
}: {
  ctx: AnalyticsCtx;
  input: { name: string; definition: Record<string, unknown> };
}): Promise<SavedFunnel> {
  const me = requireRole(ctx.principal, ANALYTICS_ROLES);
  const definition = FunnelQuery.parse(input.definition);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<Parameters<typeof toSaved>[0]>(
      "INSERT INTO clickstream_saved_funnels (id, name, definition, created_by) VALUES ($1, $2, $3, $4) RETURNING *",
      [id, input.name, JSON.stringify(definition), me.email],
    );
    await recordAudit(tx, { actor: me.email, action: "funnel.saved", subject: id, detail: { name: input.name } });
    return toSaved(row as Parameters<typeof toSaved>[0]);
  });
}

export async function listSavedFunnels({ ctx }: { ctx: AnalyticsCtx }): Promise<SavedFunnel[]> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  const rows = await ctx.db.query<Parameters<typeof toSaved>[0]>(
    "SELECT * FROM clickstream_saved_funnels ORDER BY created_at DESC LIMIT 200",
  );
  return rows.map(toSaved);
}

export async function getSavedFunnel({ ctx, id }: { ctx: AnalyticsCtx; id: string }): Promise<SavedFunnel> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  const [row] = await ctx.db.query<Parameters<typeof toSaved>[0]>(
    "SELECT * FROM clickstream_saved_funnels WHERE id = $1",
    [id],
  );
  if (!row) throw new AppError("not_found", "No such saved funnel");
  return toSaved(row);
}
