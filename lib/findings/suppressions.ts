import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import { sqlLiteral } from "@/lib/lake/sql-literal";
import type { Database, Queryable } from "@/lib/ports/database";
import type { LakeDialect, LakeParam } from "@/lib/ports/lake-query";
import { SuppressionInput, type SuppressionRule } from "@/lib/schemas/suppressions";
import { currentFindingsSql } from "./finding-sql";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { addWindow, daysOf, resolveWindow, Where } from "./lake-window";

interface RuleRow {
  id: string;
  finding_type: string;
  resource: string | null;
  principal: string | null;
  reason: string;
  expires_at: Date | null;
  created_by: string;
  created_at: Date;
  deleted_at: Date | null;
}

const toRule = (r: RuleRow, hidden: number | null = null): SuppressionRule => ({
  id: r.id,
  findingType: r.finding_type,
  resource: r.resource,
  principal: r.principal,
  reason: r.reason,
  expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  active: !r.deleted_at && (!r.expires_at || new Date(r.expires_at).getTime() > Date.now()),
  hidden,
});

/** Rules in force now (not deleted, not expired), oldest first: the first matching rule is the one named. */
export async function activeRules(q: Queryable): Promise<SuppressionRule[]> {
  const rows = await q.query<RuleRow>(
    "SELECT * FROM suppression_rules WHERE deleted_at IS NULL AND (expires_at IS NULL OR expires_at > now()) ORDER BY created_at, id",
  );
  return rows.map((r) => toRule(r));
}

/** `*` means anything; everything else is literal (LIKE's own wildcards are escaped). */
export const likePattern = (glob: string) => glob.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, "%");
/** The same test in TypeScript, for callers that hold one finding (notifications). */
export const globMatches = (glob: string, value: string | null) =>
  value !== null &&
  new RegExp(
    `^${glob
      .split("*")
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "s",
  ).test(value);

export function ruleMatches(
  rule: Pick<SuppressionRule, "findingType" | "resource" | "principal">,
  f: { type: string; resourceId: string | null; principal: string | null },
) {
  return (
    globMatches(rule.findingType, f.type) &&
    (!rule.resource || globMatches(rule.resource, f.resourceId)) &&
    (!rule.principal || globMatches(rule.principal, f.principal))
  );
}

/**
 * SQL condition (over `finding_type`, `resource_id`, `principal`) for one rule. Rules are used in
 * SELECT lists (which rule hides a finding, how many each hides), where Athena takes no `?`: the
 * patterns are written as literals (`sqlLiteral`, quotes doubled), like Athena does with parameters.
 */
export function ruleCondition(rule: Pick<SuppressionRule, "findingType" | "resource" | "principal">): string {
  const like = (column: string, glob: string) => `${column} LIKE ${sqlLiteral(likePattern(glob))} ESCAPE '\\'`;
  return [
    like("finding_type", rule.findingType),
    ...(rule.resource ? [like("resource_id", rule.resource)] : []),
    ...(rule.principal ? [like("principal", rule.principal)] : []),
  ].join(" AND ");
}

/** `CASE` naming the first rule a finding matches (NULL when none). */
export function suppressedBySql(rules: SuppressionRule[]): string {
  if (rules.length === 0) return "CAST(NULL AS VARCHAR)";
  return `CASE ${rules.map((r) => `WHEN ${ruleCondition(r)} THEN ${sqlLiteral(r.id)}`).join(" ")} END`;
}

export async function createSuppression({
  ctx,
  input,
}: {
  ctx: { db: Database; principal: LakeCtx["principal"] };
  input: unknown;
}) {
  const actor = requireRole(ctx.principal, FINDINGS_ROLES);
  const v = SuppressionInput.parse(input);
  const id = `sup-${randomUUID()}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<RuleRow>(
      `INSERT INTO suppression_rules (id, finding_type, resource, principal, reason, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [id, v.findingType, v.resource ?? null, v.principal ?? null, v.reason, v.expiresAt ?? null, actor.email],
    );
    await recordAudit(tx, {
      actor: actor.email,
      action: "suppression.create",
      subject: id,
      reason: v.reason,
      detail: { rule: v },
    });
    return toRule(row as RuleRow);
  });
}

export async function deleteSuppression({
  ctx,
  id,
}: {
  ctx: { db: Database; principal: LakeCtx["principal"] };
  id: string;
}) {
  const actor = requireRole(ctx.principal, FINDINGS_ROLES);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<RuleRow>(
      "UPDATE suppression_rules SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING *",
      [id],
    );
    if (rows.length === 0) throw new AppError("not_found", "No such active rule");
    await recordAudit(tx, { actor: actor.email, action: "suppression.delete", subject: id });
  });
}

/** How far back a rule's "hides" count (and its preview) looks. */
export const SUPPRESSION_COUNT_DAYS = 30;

/** The current findings a rule's count is taken over: those updated in the last SUPPRESSION_COUNT_DAYS days. */
export function recentFindingsSql(d: LakeDialect, now: number): { sql: string; params: LakeParam[] } {
  const win = resolveWindow({
    from: new Date(now - SUPPRESSION_COUNT_DAYS * 86_400_000).toISOString(),
    to: new Date(now).toISOString(),
  });
  const scan = addWindow(new Where(), d, "updated_at", win);
  return { sql: currentFindingsSql(d, scan.sql(), daysOf(win), "list"), params: scan.params };
}

/** Every rule not deleted, with how many current findings (last 30 days) each hides: one lake query for all. */
export async function listSuppressions({
  ctx,
  now = Date.now(),
}: {
  ctx: LakeCtx;
  now?: number;
}): Promise<{ rules: SuppressionRule[] }> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const rows = await ctx.db.query<RuleRow>(
    "SELECT * FROM suppression_rules WHERE deleted_at IS NULL ORDER BY created_at, id",
  );
  if (rows.length === 0) return { rules: [] };
  const recent = recentFindingsSql(ctx.lake.dialect, now);
  const counts = rows.map(
    (r, i) =>
      `count(CASE WHEN ${ruleCondition({ findingType: r.finding_type, resource: r.resource, principal: r.principal })} THEN 1 END) AS r${i}`,
  );
  const res = await ctx.lake.query<Record<string, number>>(
    `SELECT ${counts.join(", ")} FROM (${recent.sql}) c`,
    recent.params,
  );
  const hidden = res.rows[0] ?? {};
  return { rules: rows.map((r, i) => toRule(r, Number(hidden[`r${i}`] ?? 0))) };
}
