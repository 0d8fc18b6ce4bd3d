import { recordAudit } from "@/lib/audit/record-audit";
import type { Queryable } from "@/lib/ports/database";
import type { TriageStatus } from "@/lib/schemas/triage";
import { addNote, type TriageRow, upsertTriage } from "./triage-store";

export interface TriagePatch {
  status?: TriageStatus;
  reason?: string;
  assignee?: string | null;
  note?: string;
}

/**
 * One finding's triage change inside the caller's transaction: the overlay row and its audit entry,
 * then the note and its entry. `before` is the finding's overlay row as read in that transaction;
 * `bulk` marks entries written by a change to several findings at once (how many).
 */
export async function applyTriage(
  tx: Queryable,
  change: { actor: string; id: string; before: TriageRow | undefined; patch: TriagePatch; bulk?: number },
): Promise<void> {
  const { actor, id, before, patch } = change;
  const after = {
    findingId: id,
    status: patch.status ?? before?.status ?? "new",
    reason: patch.status ? (patch.reason ?? null) : (before?.reason ?? null),
    assignee: patch.assignee !== undefined ? patch.assignee : (before?.assignee ?? null),
    actor,
  };
  if (patch.status || patch.assignee !== undefined) {
    await upsertTriage(tx, after);
    await recordAudit(tx, {
      actor,
      action: patch.status && patch.status !== (before?.status ?? "new") ? "finding.status" : "finding.update",
      subject: id,
      reason: after.reason ?? undefined,
      detail: {
        before: { status: before?.status ?? "new", assignee: before?.assignee ?? null },
        after: { status: after.status, assignee: after.assignee },
        ...(change.bulk ? { bulk: change.bulk } : {}),
      },
    });
  }
  if (patch.note) {
    await addNote(tx, id, actor, patch.note);
    await recordAudit(tx, { actor, action: "finding.note", subject: id, detail: { length: patch.note.length } });
  }
}
