import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import type { IngestionStatus } from "@/lib/schemas/ingestion";

/** Sample rows the ETL set aside, and the objects it could not read at all. */
export function IngestionQuarantine({
  quarantine,
  failedObjects,
}: {
  quarantine: IngestionStatus["quarantine"];
  failedObjects: IngestionStatus["failedObjects"];
}) {
  return (
    <Section title="Quarantine samples">
      {quarantine.length === 0 ? <p className="text-sm">Nothing quarantined.</p> : null}
      <ul className="flex flex-col gap-2">
        {quarantine.map((q) => (
          <li
            key={`${q.sourceKey}-${q.position}`}
            className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800"
          >
            <div className="font-medium">
              {q.reason} <span className="text-slate-500">at {q.position}</span>
            </div>
            <div className="break-all text-xs text-slate-600 dark:text-slate-400">{q.sourceKey}</div>
            <ScrollArea as="pre" className="mt-1 overflow-x-auto text-xs">
              {q.sample}
            </ScrollArea>
          </li>
        ))}
      </ul>
      {failedObjects.length ? (
        <>
          <h3 className="mt-4 font-semibold">Objects that failed</h3>
          <ul className="text-sm">
            {failedObjects.map((f) => (
              <li key={f.sourceKey}>
                <code className="break-all">{f.sourceKey}</code>: {f.error}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
