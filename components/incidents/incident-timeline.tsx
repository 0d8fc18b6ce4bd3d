import { JsonDetails } from "@/components/ui/json-details";
import { ROW, TableHead, TD } from "@/components/ui/table";
import type { IncidentDetail } from "@/lib/schemas/incidents";

const KIND_STYLE: Record<string, string> = {
  approval: "text-amber-700 dark:text-amber-300",
  undo: "text-violet-700 dark:text-violet-300",
  error: "text-rose-700 dark:text-rose-300",
  outcome: "font-semibold",
};

/** Every step the workflow took, with its detail; collected evidence can be downloaded by those allowed to. */
export function IncidentTimeline({ incidentId, data }: { incidentId: string; data: IncidentDetail }) {
  return (
    <table className="w-full text-sm" aria-label="Incident timeline">
      <TableHead columns={["Time", "Step", "Result", "By", "What happened"]} />
      <tbody>
        {data.timeline.map((t) => (
          <tr key={t.id} className={ROW} data-testid="timeline-row">
            <td className={`${TD} whitespace-nowrap`}>{new Date(t.at).toLocaleTimeString()}</td>
            <td className={`${TD} ${KIND_STYLE[t.kind] ?? ""}`}>
              {t.kind} · {t.step}
            </td>
            <td className={TD}>{t.ok ? "✓ ok" : "✗ failed"}</td>
            <td className={TD}>{t.actor}</td>
            <td className={TD}>
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
