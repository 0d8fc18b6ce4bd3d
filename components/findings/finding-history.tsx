import type { TriageEvent, TriageNote } from "@/lib/schemas/triage";
import { describeHistory } from "./history-text";

/** Analysts' notes, then the audit trail of triage changes, each as a sentence. */
export function FindingHistory({ notes, history }: { notes: TriageNote[]; history: TriageEvent[] }) {
  return (
    <section aria-labelledby="notes-h">
      <h3 id="notes-h" className="mb-1 font-semibold">
        Notes and history
      </h3>
      {notes.length === 0 && history.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No notes or changes yet.</p>
      ) : null}
      <ul className="text-sm [overflow-wrap:anywhere]">
        {notes.map((n) => (
          <li key={`${n.createdAt}-${n.author}`} data-testid="note">
            <span className="text-slate-600 dark:text-slate-400">
              {new Date(n.createdAt).toLocaleString()} · {n.author}:
            </span>{" "}
            {n.body}
          </li>
        ))}
        {history.map((h) => (
          <li key={`${h.at}-${h.action}`} className="text-slate-600 dark:text-slate-400" data-testid="history-entry">
            {new Date(h.at).toLocaleString()} · {h.actor} {describeHistory(h)}
          </li>
        ))}
      </ul>
    </section>
  );
}
