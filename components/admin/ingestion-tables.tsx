import { formatCount, formatRunDuration, formatWhen } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD as td } from "@/components/ui/table";
import { type IngestionStatus, summarizeRuns } from "@/lib/schemas/ingestion";

const SOURCE_COLUMNS = ["Source", "Objects", "Rows", "Quarantined", "Skipped", "Failed objects", "Last processed"];
const RUN_COLUMNS = ["Run", "Trigger", "Status", "Started", "Objects", "Rows", "Quarantined", "Errors", "Duration"];

/** What each log source has delivered, with quarantined rows and failed objects highlighted. */
export function IngestionSources({ sources }: { sources: IngestionStatus["sources"] }) {
  return (
    <Section title="Sources">
      <ScrollArea className="overflow-x-auto">
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
      </ScrollArea>
      {sources.length === 0 ? (
        <p className="mt-2 text-sm">
          No log files processed yet. Drop files into the raw area or run <code>npm run import</code>.
        </p>
      ) : null}
    </Section>
  );
}

/** The runs that did something; polls that found nothing new fold into one line above them. */
export function IngestionRuns({ runs }: { runs: IngestionStatus["runs"] }) {
  const { worked, idle } = summarizeRuns(runs);
  return (
    <Section title="ETL runs">
      {idle ? (
        <p className="mb-2 text-sm" data-testid="idle-runs">
          No new log files {idle.lastNewAt ? `since ${formatWhen(idle.lastNewAt)}` : "in the runs listed"}. Last checked{" "}
          {formatWhen(idle.checkedAt)}; {formatCount(idle.alreadyLoaded)}{" "}
          {idle.alreadyLoaded === 1 ? "file was" : "files were"} already loaded.
        </p>
      ) : null}
      {worked.length === 0 ? (
        <p className="text-sm">No run has loaded anything yet.</p>
      ) : (
        <ScrollArea className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead columns={RUN_COLUMNS} />
            <tbody>
              {worked.map((r) => (
                <tr key={r.id} className={ROW}>
                  <td className={td}>#{r.id}</td>
                  <td className={td}>{r.trigger}</td>
                  <td className={td}>{r.status}</td>
                  <td className={td}>{formatWhen(r.startedAt)}</td>
                  <td className={td}>
                    {formatCount(r.objects)}
                    {r.unchanged ? (
                      <span className="text-slate-600 dark:text-slate-400">
                        {" "}
                        ({formatCount(r.unchanged)} already loaded)
                      </span>
                    ) : null}
                  </td>
                  <td className={td}>{formatCount(Object.values(r.rows).reduce((a, b) => a + b, 0))}</td>
                  <td className={td}>{formatCount(r.quarantined)}</td>
                  <td className={td}>{formatCount(r.errors)}</td>
                  <td className={td}>{formatRunDuration(r.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </Section>
  );
}
