import { formatRunDuration } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD as td } from "@/components/ui/table";
import type { PipelineStatus } from "@/lib/schemas/pipeline";

const INGEST_COLUMNS = ["Hour", "Batches", "Received", "Accepted", "Rejected", "Bots", "Rate-limited", "Refused"];
const INGEST_COUNTS = ["batches", "received", "accepted", "rejected", "bots", "rateLimited", "refused"] as const;

/** What the collector received per hour, and what it accepted, rejected or refused. */
export function PipelineIngest({ ingest }: { ingest: PipelineStatus["ingest"] }) {
  return (
    <Section title="Ingest per hour">
      {ingest.length === 0 ? (
        <p className="text-sm" data-testid="ingest-empty">
          No clickstream events received yet. Once the tracker sends events, each hour's counts appear here.
        </p>
      ) : (
        <ScrollArea className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead columns={INGEST_COLUMNS} />
            <tbody>
              {ingest.map((r) => (
                <tr key={r.hour} className={ROW}>
                  <td className={td}>{new Date(r.hour).toLocaleString()}</td>
                  {INGEST_COUNTS.map((k) => (
                    <td key={k} className={td}>
                      {r[k].toLocaleString()}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </Section>
  );
}

export function PipelineRuns({ runs }: { runs: PipelineStatus["runs"] }) {
  return (
    <Section title="ETL runs">
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm">
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className={ROW}>
                <td className={td}>#{r.id}</td>
                <td className={td}>{r.trigger}</td>
                <td className={td}>{r.status}</td>
                <td className={td}>{new Date(r.startedAt).toLocaleString()}</td>
                <td className={td}>
                  {r.loaded} loaded · {r.duplicates} duplicates · {r.quarantined} quarantined · {r.objects} objects
                  {r.failedObjects ? ` · ${r.failedObjects} objects failed` : ""}
                </td>
                <td className={td}>{formatRunDuration(r.durationMs)}</td>
                <td className={`${td} text-rose-600`}>{r.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Section>
  );
}
