import { stateInWords } from "@/components/reviews/history-wording";

const KIND_WORDS: Record<string, string> = {
  finding: "Finding",
  enrichment: "Looked up",
  approval: "Decision",
  action: "Containment",
  evidence: "Evidence",
  notification: "Notification",
  undo: "Release",
  outcome: "Outcome",
  error: "Problem",
};

/** Notification rows name the incident stage they announced (`approval_requested`), not a workflow state. */
const STAGE_WORDS: Record<string, string> = {
  approval_requested: "approval requested",
  release_rejected: "release rejected",
};

/**
 * Where a timeline row comes from, in words: `action · IsolateNetwork` → "Containment: isolate network",
 * `notification · approval_requested` → "Notification: approval requested".
 */
export function stepInWords(kind: string, step: string): string {
  const what = KIND_WORDS[kind] ?? stateInWords(kind);
  const where = STAGE_WORDS[step] ?? (step.includes("_") ? step.replace(/_/g, " ") : stateInWords(step).toLowerCase());
  return what.toLowerCase() === where ? what : `${what}: ${where}`;
}

/** Who did it: a person's e-mail, or Sightline itself for the workflow's own steps. */
export const actorInWords = (actor: string) => (actor === "system" ? "Sightline (automatic)" : actor);

/** The row's result: an API refusal or failed step reads as failed; anything else as done. */
export const resultInWords = (ok: boolean) => (ok ? "✓ done" : "✗ failed");
