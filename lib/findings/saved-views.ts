import { randomUUID } from "node:crypto";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import { type SavedView, SavedViewInput } from "@/lib/schemas/saved-views";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";

type Ctx = Pick<LakeCtx, "db" | "principal">;
interface ViewRow {
  id: string;
  name: string;
  query: string;
  updated_at: Date;
}

/** How many views one person may keep (a list to pick from, not a store). */
export const MAX_SAVED_VIEWS = 50;

const toView = (r: ViewRow): SavedView => ({
  id: r.id,
  name: r.name,
  query: r.query,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The caller's saved findings views, by name. */
export async function listSavedViews({ ctx }: { ctx: Ctx }): Promise<{ views: SavedView[] }> {
  const me = requireRole(ctx.principal, FINDINGS_ROLES);
  const rows = await ctx.db.query<ViewRow>(
    "SELECT id, name, query, updated_at FROM saved_views WHERE owner_id = $1 ORDER BY lower(name), id",
    [me.id],
  );
  return { views: rows.map(toView) };
}

/** Saves the filter under a name; saving under a name already in use replaces that view's filter. */
export async function saveView({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ view: SavedView }> {
  const me = requireRole(ctx.principal, FINDINGS_ROLES);
  const v = SavedViewInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [count] = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM saved_views WHERE owner_id = $1 AND name <> $2",
      [me.id, v.name],
    );
    if ((count?.n ?? 0) >= MAX_SAVED_VIEWS)
      throw new AppError("invalid_input", `You have ${MAX_SAVED_VIEWS} saved views: delete one to save another`);
    const [row] = await tx.query<ViewRow>(
      `INSERT INTO saved_views (id, owner_id, name, query) VALUES ($1, $2, $3, $4)
       ON CONFLICT (owner_id, name) DO UPDATE SET query = $4, updated_at = now()
       RETURNING id, name, query, updated_at`,
      [randomUUID(), me.id, v.name, v.query],
    );
    if (!row) throw new AppError("internal", "The view was not saved");
    return { view: toView(row) };
  });
}

/** Deletes one of the caller's views (another person's is "not found", as it is not theirs to see). */
export async function deleteSavedView({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ ok: true }> {
  const me = requireRole(ctx.principal, FINDINGS_ROLES);
  const rows = await ctx.db.query("DELETE FROM saved_views WHERE id = $1 AND owner_id = $2 RETURNING id", [id, me.id]);
  if (rows.length === 0) throw new AppError("not_found", "No such saved view");
  return { ok: true };
}
