import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { TriageInput } from "@/lib/schemas/triage";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { addNote, triageFor, upsertTriage } from "./triage-store";

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
    const status = patch.status ?? before?.status ?? "new";
    const after = {
      findingId: id,
      status,
      reason: patch.status ? (patch.reason ?? null) : (before?.reason ?? null),
      assignee: patch.assignee !== undefined ? patch.assignee : (before?.assignee ?? null),
      actor: actor.email,
    };
    if (patch.status || patch.assignee !== undefined) {
      await upsertTriage(tx, after);
      await recordAudit(tx, {
        actor: actor.email,
        action: patch.status && patch.status !== (before?.status ?? "new") ? "finding.status" : "finding.update",
        subject: id,
        reason: after.reason ?? undefined,
        detail: {
          before: { status: before?.status ?? "new", assignee: before?.assignee ?? null },
          after: { status: after.status, assignee: after.assignee },
        },
      });
    }
    if (patch.note) {
      await addNote(tx, id, actor.email, patch.note);
      await recordAudit(tx, {
        actor: actor.email,
        action: "finding.note",
        subject: id,
        detail: { length: patch.note.length },
      });
    }
  });
  return { ok: true as const };
}
