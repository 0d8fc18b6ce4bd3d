import { formatCount, formatRunDuration, formatWhen } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD as td } from "@/components/ui/table";
import type { IngestionStatus } from "@/lib/schemas/ingestion";

const SOURCE_COLUMNS = ["Source", "Objects", "Rows", "Quarantined", "Skipped", "Failed objects", "Last processed"];
const RUN_COLUMNS = ["Run", "Trigger", "Status", "Started", "Objects", "Rows", "Quarantined", "Errors", "Duration"];

/** What each log source has delivered, with quarantined rows and failed objects highlighted. */
export function IngestionSources({ sources }: { sources: IngestionStatus["sources"] }) {
  return (
    <Section title="Sources">
      <table className="w-full text-sm">
        <TableHead columns={SOURCE_COLUMNS} />
        <tbody>
          {sources.map((s) => (
            <tr key={s.source} className={ROW}>
              <td className={td}>{s.source}</td>
              <td className={td}>{formatCount(s.objects)}</td>
              <td className={td}>{formatCount(s.rows)}</td>
              <td className={`${td} ${s.quarantined ? "text-amber-700 dark:text-amber-400" : ""}`}>
                {formatCount(s.quarantined)}
              </td>
              <td className={td}>{formatCount(s.skipped)}</td>
              <td className={`${td} ${s.errors ? "text-rose-600" : ""}`}>{formatCount(s.errors)}</td>
              <td className={td}>{formatWhen(s.lastProcessedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sources.length === 0 ? (
        <p className="mt-2 text-sm">
          No log files processed yet. Drop files into the raw area or run <code>npm run import</code>.
        </p>
      ) : null}
    </Section>
  );
}

export function IngestionRuns({ runs }: { runs: IngestionStatus["runs"] }) {
  return (
    <Section title="ETL runs">
      <table className="w-full text-sm">
        <TableHead columns={RUN_COLUMNS} />
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className={ROW}>
              <td className={td}>#{r.id}</td>
              <td className={td}>{r.trigger}</td>
              <td className={td}>{r.status}</td>
              <td className={td}>{formatWhen(r.startedAt)}</td>
              <td className={td}>
                {formatCount(r.objects)}
                {r.unchanged ? <span className="text-slate-500"> (+{formatCount(r.unchanged)} unchanged)</span> : null}
              </td>
              <td className={td}>{formatCount(Object.values(r.rows).reduce((a, b) => a + b, 0))}</td>
              <td className={td}>{formatCount(r.quarantined)}</td>
              <td className={td}>{formatCount(r.errors)}</td>
              <td className={td}>{formatRunDuration(r.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
