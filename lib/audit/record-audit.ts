import type { Queryable } from "@/lib/ports/database";

export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string;
  reason?: string;
  detail?: Record<string, unknown>;
  executionId?: string;
}

/** Appends to the audit log (the table refuses UPDATE and DELETE). */
export async function recordAudit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query(
    "INSERT INTO audit_log (actor, action, subject, reason, detail, execution_id) VALUES ($1, $2, $3, $4, $5, $6)",
    [e.actor, e.action, e.subject ?? null, e.reason ?? null, JSON.stringify(e.detail ?? {}), e.executionId ?? null],
  );
}
