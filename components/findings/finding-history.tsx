import type { TriageEvent, TriageNote } from "@/lib/schemas/triage";

/** Analysts' notes, then the audit trail of triage changes. */
export function FindingHistory({ notes, history }: { notes: TriageNote[]; history: TriageEvent[] }) {
  return (
    <section aria-labelledby="notes-h">
      <h3 id="notes-h" className="mb-1 font-semibold">
        Notes and history
      </h3>
      <ul className="text-sm">
        {notes.map((n) => (
          <li key={`${n.createdAt}-${n.author}`} data-testid="note">
            <span className="text-slate-500">
              {new Date(n.createdAt).toLocaleString()} · {n.author}:
            </span>{" "}
            {n.body}
          </li>
        ))}
        {history.map((h) => (
          <li key={`${h.at}-${h.action}`} className="text-slate-500">
            {new Date(h.at).toLocaleString()} · {h.actor} · {h.action} {JSON.stringify(h.detail.after ?? "")}
          </li>
        ))}
      </ul>
    </section>
  );
}
