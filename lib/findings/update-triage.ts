import { requireRole } from "@/lib/auth/require-role";
import { TriageInput } from "@/lib/schemas/triage";
import { applyTriage } from "./apply-triage";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { triageFor } from "./triage-store";

/**
 * Analysts move a finding through new → in progress → resolved (or suppressed, with a reason),
 * assign it and add notes. Each change is one transaction with its audit entry.
 */
export async function updateTriage({
  ctx,
  id,
  input,
}: {
  ctx: Pick<LakeCtx, "db" | "principal">;
  id: string;
  input: unknown;
}) {
  const actor = requireRole(ctx.principal, FINDINGS_ROLES);
  const patch = TriageInput.parse(input);
  await ctx.db.transaction(async (tx) => {
    const before = (await triageFor(tx, [id])).get(id);
    await applyTriage(tx, { actor: actor.email, id, before, patch });
  });
  return { ok: true as const };
}
