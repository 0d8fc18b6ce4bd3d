import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import { deleteException } from "./rule-settings-store";
import { type DetectionsCtx, RULE_ADMINS } from "./rules-ctx";

/** Admins retire an exception: it stops applying from the engines' next run; the row stays (soft delete). Audited. */
export async function removeRuleException({
  ctx,
  input,
}: {
  ctx: Pick<DetectionsCtx, "db" | "principal">;
  input: { id: string; exceptionId: string };
}): Promise<void> {
  const actor = requireRole(ctx.principal, RULE_ADMINS);
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteException(tx, input.id, input.exceptionId);
    if (!removed) throw new AppError("not_found", "This rule has no such exception (it may have been removed already)");
    await recordAudit(tx, {
      actor: actor.email,
      action: "detection.exception.remove",
      subject: input.id,
      detail: { exception: { id: removed.id, kind: removed.kind, value: removed.value } },
    });
  });
}
