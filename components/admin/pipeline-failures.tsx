import { Section } from "@/components/ui/section";
import { ROW } from "@/components/ui/table";
import type { PipelineStatus } from "@/lib/schemas/pipeline";

/** Raw objects whose load failed (shown only when there are some), then the latest quarantined lines. */
export function PipelineFailures({
  failedObjects,
  quarantine,
}: {
  failedObjects: PipelineStatus["failedObjects"];
  quarantine: PipelineStatus["quarantine"];
}) {
  return (
    <>
      {failedObjects.length > 0 ? (
        <Section title="Raw objects that failed to load">
          <ul className="flex flex-col gap-3 text-sm" data-testid="failed-objects">
            {failedObjects.map((f) => (
              <li key={f.objectKey} className={`${ROW} flex flex-col gap-1 pb-3`}>
                <code className="break-all">{f.objectKey}</code>
                <span>
                  {f.quarantinedAt ? "Quarantined: later runs skip it" : "Will be retried by the next run"} ·{" "}
                  {f.attempts} {f.attempts === 1 ? "attempt" : "attempts"}, the last{" "}
                  {new Date(f.lastFailedAt).toLocaleString()}
                </span>
                <span className="break-words text-rose-700 dark:text-rose-300">{f.lastError}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="Quarantine (latest)">
        {quarantine.length === 0 ? (
          <p className="text-sm" data-testid="quarantine-empty">
            Nothing quarantined yet. Event lines the ETL cannot load are set aside here, with the reason.
          </p>
        ) : null}
        <ul className="text-sm">
          {quarantine.map((q) => (
            <li key={`${q.objectKey}-${q.line}`}>
              <code>{q.objectKey}</code>:{q.line} — {q.reason}{" "}
              <span className="break-all text-slate-500">{q.raw.slice(0, 120)}</span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
