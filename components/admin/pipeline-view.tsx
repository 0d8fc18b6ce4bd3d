"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD as td } from "@/components/ui/table";
import type { PipelineStatus } from "@/lib/schemas/pipeline";
import { apiFetch } from "../hooks/api-fetch";

export function PipelineView() {
  const qc = useQueryClient();
  const { data, isError, error } = useQuery({
    queryKey: ["clickstream", "status"],
    queryFn: ({ signal }) => apiFetch<PipelineStatus>("/api/admin/clickstream", { signal }),
    refetchInterval: 15_000,
  });
  const run = useMutation({
    mutationFn: () => apiFetch<{ status: string; loaded: number }>("/api/admin/clickstream/etl", { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: ["clickstream"] }),
  });
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-wrap items-center gap-4 text-sm">
        <p data-testid="complete-up-to">
          Warehouse complete up to{" "}
          <strong>{data.completeUpTo ? new Date(data.completeUpTo).toLocaleString() : "—"}</strong>
          {data.pendingObjects ? ` · ${data.pendingObjects} raw objects waiting` : ""}
        </p>
        <p>
          Event loss (sequence gaps, 24 h):{" "}
          <strong>{data.lossRate === null ? "—" : `${(data.lossRate * 100).toFixed(2)}%`}</strong>
        </p>
        <Button onClick={() => run.mutate()} disabled={run.isPending}>
          Run ETL now
        </Button>
        {run.data ? (
          <span>
            {run.data.status}: {run.data.loaded} loaded
          </span>
        ) : null}
      </section>
      <Section title="Ingest per hour">
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead
              columns={["Hour", "Batches", "Received", "Accepted", "Rejected", "Bots", "Rate-limited", "Refused"]}
            />
            <tbody>
              {data.ingest.map((r) => (
                <tr key={r.hour} className={ROW}>
                  <td className={td}>{new Date(r.hour).toLocaleString()}</td>
                  {(["batches", "received", "accepted", "rejected", "bots", "rateLimited", "refused"] as const).map(
                    (k) => (
                      <td key={k} className={td}>
                        {r[k].toLocaleString()}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="ETL runs">
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <tbody>
              {data.runs.map((r) => (
                <tr key={r.id} className={ROW}>
                  <td className={td}>#{r.id}</td>
                  <td className={td}>{r.trigger}</td>
                  <td className={td}>{r.status}</td>
                  <td className={td}>{new Date(r.startedAt).toLocaleString()}</td>
                  <td className={td}>
                    {r.loaded} loaded · {r.duplicates} duplicates · {r.quarantined} quarantined · {r.objects} objects
                    {r.failedObjects ? ` · ${r.failedObjects} objects failed` : ""}
                  </td>
                  <td className={td}>{r.durationMs === null ? "running" : `${(r.durationMs / 1000).toFixed(1)} s`}</td>
                  <td className={`${td} text-rose-600`}>{r.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      {data.failedObjects.length > 0 ? (
        <Section title="Raw objects that failed to load">
          <ul className="flex flex-col gap-3 text-sm" data-testid="failed-objects">
            {data.failedObjects.map((f) => (
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
        <ul className="text-sm">
          {data.quarantine.map((q) => (
            <li key={`${q.objectKey}-${q.line}`}>
              <code>{q.objectKey}</code>:{q.line} — {q.reason}{" "}
              <span className="break-all text-slate-500">{q.raw.slice(0, 120)}</span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
