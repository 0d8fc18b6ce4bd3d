import { requireRole } from "@/lib/auth/require-role";
import { csvCell } from "@/lib/csv";
import type { Database } from "@/lib/ports/database";
import { type AuditEntryDto, AuditQuery } from "@/lib/schemas/audit";
import type { Principal } from "@/lib/schemas/auth";

/** Admins read the append-only audit log (newest first), filtered by action prefix, actor or subject. */
export async function listAudit({
  ctx,
  input,
}: {
  ctx: { db: Database; principal: Principal | null };
  input: unknown;
}) {
  requireRole(ctx.principal, ["admins"]);
  const q = AuditQuery.parse(input);
  const rows = await ctx.db.query<{
    id: string;
    at: Date;
    actor: string;
    action: string;
    subject: string | null;
    reason: string | null;
    execution_id: string | null;
    detail: Record<string, unknown>;
  }>(
    `SELECT * FROM audit_log
     WHERE ($1::text IS NULL OR action LIKE $1 || '%') AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR subject = $3)
     ORDER BY id DESC LIMIT 1000`,
    [q.action ?? null, q.actor ?? null, q.subject ?? null],
  );
  const entries: AuditEntryDto[] = rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    reason: r.reason,
    executionId: r.execution_id,
    detail: r.detail,
  }));
  return { entries, format: q.format };
}

export const auditCsv = (entries: AuditEntryDto[]) =>
  `id,at,actor,action,subject,reason,executionId,detail\n${entries
    .map((e) => [e.id, e.at, e.actor, e.action, e.subject, e.reason, e.executionId, e.detail].map(csvCell).join(","))
    .join("\n")}\n`;
