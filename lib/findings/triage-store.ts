import type { Queryable } from "@/lib/ports/database";
import type { TriageEvent, TriageNote, TriageStatus } from "@/lib/schemas/triage";

export interface TriageRow {
  finding_id: string;
  status: TriageStatus;
  reason: string | null;
  assignee: string | null;
}

export async function triageFor(q: Queryable, ids: readonly string[]): Promise<Map<string, TriageRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<TriageRow>(
    "SELECT finding_id, status, reason, assignee FROM finding_triage WHERE finding_id = ANY($1)",
    [ids],
  );
  return new Map(rows.map((r) => [r.finding_id, r]));
}

/** Ids whose triage status is not `new`, by status (what a status filter has to include or exclude). */
export async function triagedIds(q: Queryable): Promise<Map<string, TriageStatus>> {
  const rows = await q.query<{ finding_id: string; status: TriageStatus }>(
    "SELECT finding_id, status FROM finding_triage WHERE status <> 'new'",
  );
  return new Map(rows.map((r) => [r.finding_id, r.status]));
}

export async function upsertTriage(
  q: Queryable,
  row: { findingId: string; status: TriageStatus; reason: string | null; assignee: string | null; actor: string },
): Promise<void> {
  await q.query(
    `INSERT INTO finding_triage (finding_id, status, reason, assignee, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (finding_id) DO UPDATE SET status = $2, reason = $3, assignee = $4, updated_by = $5, updated_at = now()`,
    [row.findingId, row.status, row.reason, row.assignee, row.actor],
  );
}

export async function addNote(q: Queryable, findingId: string, author: string, body: string): Promise<void> {
  await q.query("INSERT INTO finding_notes (finding_id, author, body) VALUES ($1, $2, $3)", [findingId, author, body]);
}

export async function notesFor(q: Queryable, findingId: string): Promise<TriageNote[]> {
  const rows = await q.query<{ author: string; body: string; created_at: Date }>(
    "SELECT author, body, created_at FROM finding_notes WHERE finding_id = $1 ORDER BY created_at, id",
    [findingId],
  );
  return rows.map((r) => ({ author: r.author, body: r.body, createdAt: new Date(r.created_at).toISOString() }));
}

export async function historyFor(q: Queryable, findingId: string): Promise<TriageEvent[]> {
  const rows = await q.query<{
    actor: string;
    action: string;
    at: Date;
    detail: Record<string, unknown>;
    reason: string | null;
  }>(
    "SELECT actor, action, at, detail, reason FROM audit_log WHERE subject = $1 AND action LIKE 'finding.%' ORDER BY at, id",
    [findingId],
  );
  return rows.map((r) => ({
    actor: r.actor,
    action: r.action,
    at: new Date(r.at).toISOString(),
    detail: r.detail,
    reason: r.reason,
  }));
}
