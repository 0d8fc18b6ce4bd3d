import type { TriageEvent } from "@/lib/schemas/triage";
import { STATUS_LABELS } from "./finding-labels";

interface State {
  status?: string;
  assignee?: string | null;
}
const stateOf = (v: unknown): State => (typeof v === "object" && v !== null ? (v as State) : {});
const statusName = (s: string | undefined) => (s ? (STATUS_LABELS[s] ?? s.replace(/_/g, " ")) : "unknown");

/** What changed about who has the finding, or null when nothing did. */
function assigneeChange(before: State, after: State): string | null {
  if (after.assignee === undefined || after.assignee === (before.assignee ?? null)) return null;
  return after.assignee ? `assigned it to ${after.assignee}` : `unassigned it (was ${before.assignee})`;
}

/**
 * One line of a finding's history, as a sentence after the actor's name: "changed the status from
 * New to In progress", "assigned it to …", "added a note". The audit detail's shapes are known
 * here; an action this page does not know still reads as words.
 */
export function describeHistory(h: Pick<TriageEvent, "action" | "detail" | "reason">): string {
  const before = stateOf(h.detail.before);
  const after = stateOf(h.detail.after);
  const bulk = typeof h.detail.bulk === "number" ? ` (with ${h.detail.bulk - 1} others)` : "";
  const because = h.reason ? `: “${h.reason}”` : "";
  if (h.action === "finding.note") return "added a note";
  if (h.action === "finding.status" || h.action === "finding.update") {
    const parts = [
      ...(after.status && after.status !== before.status
        ? [`changed the status from ${statusName(before.status)} to ${statusName(after.status)}`]
        : []),
      ...[assigneeChange(before, after)].filter((x): x is string => x !== null),
    ];
    return `${parts.join(" and ") || "saved the triage unchanged"}${bulk}${after.status !== before.status ? because : ""}`;
  }
  return h.action.replace(/^finding\./, "").replace(/[._]/g, " ");
}
