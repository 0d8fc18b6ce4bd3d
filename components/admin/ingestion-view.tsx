"use client";

import { useIngestionQuery } from "@/components/hooks/queries/use-ingestion-query";
import { Section } from "@/components/ui/section";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";

const n = (v: number) => v.toLocaleString();
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

export function IngestionView() {
  const { data, isError, error, isLoading } = useIngestionQuery();
  if (isLoading) return <p>Loading…</p>;
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return null;
  return (
    <div className="flex flex-col gap-8">
      <Section title="Sources">
        <table className="w-full text-sm">
          <thead className={THEAD}>
            <tr>
              <th className={th}>Source</th>
              <th className={th}>Objects</th>
              <th className={th}>Rows</th>
              <th className={th}>Quarantined</th>
              <th className={th}>Skipped</th>
              <th className={th}>Failed objects</th>
              <th className={th}>Last processed</th>
            </tr>
          </thead>
          <tbody>
            {data.sources.map((s) => (
              <tr key={s.source} className={ROW}>
                <td className={td}>{s.source}</td>
                <td className={td}>{n(s.objects)}</td>
                <td className={td}>{n(s.rows)}</td>
                <td className={`${td} ${s.quarantined ? "text-amber-700 dark:text-amber-400" : ""}`}>
                  {n(s.quarantined)}
                </td>
                <td className={td}>{n(s.skipped)}</td>
                <td className={`${td} ${s.errors ? "text-rose-600" : ""}`}>{n(s.errors)}</td>
                <td className={td}>{when(s.lastProcessedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data.sources.length === 0 ? (
          <p className="mt-2 text-sm">
            No log files processed yet. Drop files into the raw area or run <code>npm run import</code>.
          </p>
        ) : null}
      </Section>

      <Section title="ETL runs">
        <table className="w-full text-sm">
          <thead className={THEAD}>
            <tr>
              <th className={th}>Run</th>
              <th className={th}>Trigger</th>
              <th className={th}>Status</th>
              <th className={th}>Started</th>
              <th className={th}>Objects</th>
              <th className={th}>Rows</th>
              <th className={th}>Quarantined</th>
              <th className={th}>Errors</th>
              <th className={th}>Duration</th>
            </tr>
          </thead>
          <tbody>
            {data.runs.map((r) => (
              <tr key={r.id} className={ROW}>
                <td className={td}>#{r.id}</td>
                <td className={td}>{r.trigger}</td>
                <td className={td}>{r.status}</td>
                <td className={td}>{when(r.startedAt)}</td>
                <td className={td}>
                  {n(r.objects)}
                  {r.unchanged ? <span className="text-slate-500"> (+{n(r.unchanged)} unchanged)</span> : null}
                </td>
                <td className={td}>{n(Object.values(r.rows).reduce((a, b) => a + b, 0))}</td>
                <td className={td}>{n(r.quarantined)}</td>
                <td className={td}>{n(r.errors)}</td>
                <td className={td}>{r.durationMs === null ? "running" : `${(r.durationMs / 1000).toFixed(1)} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Quarantine samples">
        {data.quarantine.length === 0 ? <p className="text-sm">Nothing quarantined.</p> : null}
        <ul className="flex flex-col gap-2">
          {data.quarantine.map((q) => (
            <li
              key={`${q.sourceKey}-${q.position}`}
              className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800"
            >
              <div className="font-medium">
                {q.reason} <span className="text-slate-500">at {q.position}</span>
              </div>
              <div className="break-all text-xs text-slate-600 dark:text-slate-400">{q.sourceKey}</div>
              <pre className="mt-1 overflow-x-auto text-xs">{q.sample}</pre>
            </li>
          ))}
        </ul>
        {data.failedObjects.length ? (
          <>
            <h3 className="mt-4 font-semibold">Objects that failed</h3>
            <ul className="text-sm">
              {data.failedObjects.map((f) => (
                <li key={f.sourceKey}>
                  <code className="break-all">{f.sourceKey}</code>: {f.error}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
    </div>
  );
}
