import { JsonDetails } from "@/components/ui/json-details";
import { ROW, TD, TH, THEAD } from "@/components/ui/table";
import type { IncidentDetail } from "@/lib/schemas/incidents";
import { actorInWords, resultInWords, stepInWords } from "./timeline-wording";

const KIND_STYLE: Record<string, string> = {
  approval: "text-amber-700 dark:text-amber-300",
  undo: "text-violet-700 dark:text-violet-300",
  error: "text-rose-700 dark:text-rose-300",
  outcome: "font-semibold",
};

const MUTED = "text-xs text-slate-600 dark:text-slate-400";

/**
 * Every step the workflow took, with its detail; collected evidence can be downloaded by those allowed to.
 * Three fixed columns (when and who · step and result · what happened) fit a phone without sideways scrolling.
 */
export function IncidentTimeline({ incidentId, data }: { incidentId: string; data: IncidentDetail }) {
  return (
    <table className="w-full table-fixed text-sm" aria-label="Incident timeline">
      <thead className={THEAD}>
        <tr>
          <th className={`${TH} w-24 sm:w-56`}>When and by</th>
          <th className={`${TH} w-28 sm:w-64`}>Step</th>
          <th className={TH}>What happened</th>
        </tr>
      </thead>
      <tbody>
        {data.timeline.map((t) => (
          <tr key={t.id} className={`${ROW} align-top`} data-testid="timeline-row">
            <td className={`${TD} break-words`}>
              <span className="tabular-nums">{new Date(t.at).toLocaleTimeString()}</span>
              <div className={`${MUTED} break-all`}>{actorInWords(t.actor)}</div>
            </td>
            <td className={`${TD} break-words`}>
              <span className={KIND_STYLE[t.kind] ?? ""}>{stepInWords(t.kind, t.step)}</span>
              <div className={t.ok ? MUTED : "text-xs text-rose-700 dark:text-rose-300"}>{resultInWords(t.ok)}</div>
            </td>
            <td className={`${TD} break-words [overflow-wrap:anywhere]`}>
              <JsonDetails summary={t.summary} value={t.detail} />
              {t.kind === "evidence" && t.ok && data.canDownloadEvidence && typeof t.detail.key === "string" ? (
                <a
                  href={`/api/incidents/${encodeURIComponent(incidentId)}/evidence?key=${encodeURIComponent(t.detail.key)}`}
                  className="text-xs text-sky-700 hover:underline dark:text-sky-400"
                >
                  Download
                </a>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
