import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { UpdateRuleInput } from "@/lib/schemas/detections";
import { findRuleOrThrow } from "./rule-registry";
import { listSettings, upsertSetting } from "./rule-settings-store";
import { type DetectionsCtx, RULE_ADMINS } from "./rules-ctx";

/**
 * Admins turn a rule on or off and give it a severity of their own (null: back to the rule's).
 * What is not sent stays as it is; a rule never changed before starts from how it ships (so a
 * severity change does not turn on a rule that ships off). The engines read the change on their
 * next run: the lake ETL per run, the scheduler per run. Audited with before and after.
 */
export async function updateRule({
  ctx,
  input,
}: {
  ctx: Pick<DetectionsCtx, "db" | "env" | "principal">;
  input: { id: string } & Record<string, unknown>;
}) {
  const actor = requireRole(ctx.principal, RULE_ADMINS);
  const { id, ...rest } = input;
  const patch = UpdateRuleInput.parse(rest);
  const rule = await findRuleOrThrow(ctx.env, id);
  return ctx.db.transaction(async (tx) => {
    const before = (await listSettings(tx, rule.id)).get(rule.id) ?? { enabled: rule.enabledByDefault, severity: null };
    const after = {
      enabled: patch.enabled ?? before.enabled,
      severity: patch.severity === undefined ? before.severity : patch.severity,
    };
    await upsertSetting(tx, { ruleId: rule.id, ...after, actor: actor.email });
    await recordAudit(tx, {
      actor: actor.email,
      action: "detection.rule.update",
      subject: rule.id,
      detail: { before, after },
    });
    return {
      id: rule.id,
      enabled: after.enabled,
      severity: after.severity ?? rule.severity,
      severityOverride: after.severity,
    };
  });
}
