import type { Queryable } from "@/lib/ports/database";
import type { AddExceptionInput, ExceptionKind, RuleException } from "@/lib/schemas/detections";

/** Admins' settings and exceptions of the rules (tables detection_rule_settings and detection_exceptions). */

export interface RuleSetting {
  enabled: boolean;
  severity: number | null;
}

interface ExceptionRow {
  id: string;
  rule_id: string;
  kind: ExceptionKind;
  value: string;
  reason: string;
  expires_at: Date | string | null;
  created_by: string;
  created_at: Date | string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

export const toException = (r: ExceptionRow, now = Date.now()): RuleException => ({
  id: String(r.id),
  ruleId: r.rule_id,
  kind: r.kind,
  value: r.value,
  reason: r.reason,
  expiresAt: r.expires_at ? iso(r.expires_at) : null,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  active: !r.expires_at || new Date(r.expires_at).getTime() > now,
});

export async function listSettings(q: Queryable, ruleId?: string): Promise<Map<string, RuleSetting>> {
  const rows = await q.query<{ rule_id: string; enabled: boolean; severity: number | null }>(
    `SELECT rule_id, enabled, severity FROM detection_rule_settings${ruleId ? " WHERE rule_id = $1" : ""}`,
    ruleId ? [ruleId] : [],
  );
  return new Map(rows.map((r) => [r.rule_id, { enabled: r.enabled, severity: r.severity }]));
}

/** Exceptions not deleted (expired ones included, marked inactive), oldest first. */
export async function listExceptions(q: Queryable, ruleId?: string): Promise<RuleException[]> {
  const rows = await q.query<ExceptionRow>(
    `SELECT id, rule_id, kind, value, reason, expires_at, created_by, created_at FROM detection_exceptions
     WHERE deleted_at IS NULL${ruleId ? " AND rule_id = $1" : ""} ORDER BY created_at, id`,
    ruleId ? [ruleId] : [],
  );
  return rows.map((r) => toException(r));
}

export async function upsertSetting(
  q: Queryable,
  s: { ruleId: string; enabled: boolean; severity: number | null; actor: string },
): Promise<void> {
  await q.query(
    `INSERT INTO detection_rule_settings (rule_id, enabled, severity, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (rule_id) DO UPDATE SET enabled = $2, severity = $3, updated_by = $4, updated_at = now()`,
    [s.ruleId, s.enabled, s.severity, s.actor],
  );
}

export async function insertException(
  q: Queryable,
  ruleId: string,
  v: AddExceptionInput,
  actor: string,
): Promise<RuleException> {
  const [row] = await q.query<ExceptionRow>(
    `INSERT INTO detection_exceptions (rule_id, kind, value, reason, expires_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, rule_id, kind, value, reason, expires_at, created_by, created_at`,
    [ruleId, v.kind, v.value, v.reason, v.expiresAt ?? null, actor],
  );
  return toException(row as ExceptionRow);
}

/** Soft delete: the row stays for the record. Null when there was no such live exception. */
export async function deleteException(q: Queryable, ruleId: string, id: string): Promise<RuleException | null> {
  const [row] = await q.query<ExceptionRow>(
    `UPDATE detection_exceptions SET deleted_at = now() WHERE id = $1 AND rule_id = $2 AND deleted_at IS NULL
     RETURNING id, rule_id, kind, value, reason, expires_at, created_by, created_at`,
    [id, ruleId],
  );
  return row ? toException(row) : null;
}
