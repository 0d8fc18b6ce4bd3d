import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Queryable } from "@/lib/ports/database";
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

type SavedRow = Parameters<typeof toSaved>[0];

/**
 * The saved funnel `id` locked for a change by its owner: everyone with access may open a shared
 * funnel, but only the person who saved it renames or deletes it.
 */
async function lockOwned(tx: Queryable, id: string, email: string) {
  const [row] = await tx.query<SavedRow>("SELECT * FROM clickstream_saved_funnels WHERE id = $1 FOR UPDATE", [id]);
  if (!row) throw new AppError("not_found", "No such saved funnel");
  if (row.created_by !== email)
    throw new AppError("forbidden", `Only ${row.created_by}, who saved this funnel, can rename or delete it`);
  return row;
}

/** Renames a saved funnel (its owner only); audited with the old and new names. */
export async function renameSavedFunnel({
  ctx,
  id,
  name,
}: {
  ctx: AnalyticsCtx;
  id: string;
  name: string;
}): Promise<SavedFunnel> {
  const me = requireRole(ctx.principal, ANALYTICS_ROLES);
  return ctx.db.transaction(async (tx) => {
    const before = await lockOwned(tx, id, me.email);
    const [row] = await tx.query<SavedRow>("UPDATE clickstream_saved_funnels SET name = $2 WHERE id = $1 RETURNING *", [
      id,
      name,
    ]);
    await recordAudit(tx, {
      actor: me.email,
      action: "funnel.renamed",
      subject: id,
      detail: { from: before.name, to: name },
    });
    return toSaved(row as SavedRow);
  });
}

/** Deletes a saved funnel (its owner only); audited with its name and definition. */
export async function deleteSavedFunnel({ ctx, id }: { ctx: AnalyticsCtx; id: string }): Promise<{ ok: true }> {
  const me = requireRole(ctx.principal, ANALYTICS_ROLES);
  return ctx.db.transaction(async (tx) => {
    const before = await lockOwned(tx, id, me.email);
    await tx.query("DELETE FROM clickstream_saved_funnels WHERE id = $1", [id]);
    await recordAudit(tx, {
      actor: me.email,
      action: "funnel.deleted",
      subject: id,
      detail: { name: before.name, definition: before.definition },
    });
    return { ok: true as const };
  });
}
