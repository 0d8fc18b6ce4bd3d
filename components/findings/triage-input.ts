import type { TriageInput, TriageStatus } from "@/lib/schemas/triage";

export interface TriageDraft {
  status: TriageStatus | "";
  reason: string;
  note: string;
}

/** What the triage form sends: only what the user changed; a reason goes with a status change. */
export function buildTriageInput({ status, reason, note }: TriageDraft): TriageInput {
  return {
    ...(status ? { status } : {}),
    ...(status === "suppressed" || (status && reason) ? { reason: reason || undefined } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}
