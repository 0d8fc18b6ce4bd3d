import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AddExceptionInput, type RuleException } from "@/lib/schemas/detections";
import { findRuleOrThrow } from "./rule-registry";
import { insertException } from "./rule-settings-store";
import { type DetectionsCtx, RULE_ADMINS } from "./rules-ctx";

/**
 * Admins tell a rule to leave one principal, resource or address alone (exactly, or every value
 * starting so when the value ends in `*`), with a reason and an optional expiry. The lake ETL and
 * the scheduler apply it from their next run; findings already raised stay. Audited.
 */
export async function addRuleException({
  ctx,
  input,
}: {
  ctx: Pick<DetectionsCtx, "db" | "env" | "principal">;
  input: { id: string } & Record<string, unknown>;
}): Promise<RuleException> {
  const actor = requireRole(ctx.principal, RULE_ADMINS);
  const { id, ...rest } = input;
  const v = AddExceptionInput.parse(rest);
  const rule = await findRuleOrThrow(ctx.env, id);
  return ctx.db.transaction(async (tx) => {
    const exception = await insertException(tx, rule.id, v, actor.email);
    await recordAudit(tx, {
      actor: actor.email,
      action: "detection.exception.add",
      subject: rule.id,
      reason: v.reason,
      detail: { exception: { id: exception.id, kind: v.kind, value: v.value, expiresAt: v.expiresAt ?? null } },
    });
    return exception;
  });
}
