import { requireRole } from "@/lib/auth/require-role";
import { BulkTriageInput } from "@/lib/schemas/triage";
import { applyTriage } from "./apply-triage";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { triageFor } from "./triage-store";

/**
 * The same status (with its reason) and/or assignee for several findings: one transaction, so all
 * change or none do, and one audit entry per finding (each finding's history shows it, marked bulk).
 */
export async function bulkTriage({ ctx, input }: { ctx: Pick<LakeCtx, "db" | "principal">; input: unknown }) {
  const actor = requireRole(ctx.principal, FINDINGS_ROLES);
  const { ids, ...patch } = BulkTriageInput.parse(input);
  const unique = [...new Set(ids)];
  await ctx.db.transaction(async (tx) => {
    const before = await triageFor(tx, unique);
    for (const id of unique)
      await applyTriage(tx, { actor: actor.email, id, before: before.get(id), patch, bulk: unique.length });
  });
  return { ok: true as const, updated: unique.length };
}
