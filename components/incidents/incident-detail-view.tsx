"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { SeverityBadge } from "@/components/findings/findings-view";
import { useIncidentQuery, useReleaseMutation } from "@/components/hooks/queries/use-incidents-query";
import { Button } from "@/components/ui/button";
import { JsonDetails } from "@/components/ui/json-details";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { SimulatedBadge, StatusPill } from "./incidents-view";

const KIND_STYLE: Record<string, string> = {
  approval: "text-amber-700 dark:text-amber-300",
  undo: "text-violet-700 dark:text-violet-300",
  error: "text-rose-700 dark:text-rose-300",
  outcome: "font-semibold",
};

export function IncidentDetailView({ id }: { id: string }) {
  const { data, isError, error } = useIncidentQuery(id);
  const release = useReleaseMutation(id);
  const [reason, setReason] = useState("");
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const i = data.incident;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    release.mutate({ reason });
  };
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h2 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
          <SeverityBadge severity={i.severity} /> {i.title}
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Status: <StatusPill status={i.status} />
          {i.simulated ? <SimulatedBadge /> : null}· {i.findingType} · severity {i.severityVendor ?? "—"} · resource{" "}
          <code>{i.resourceId ?? i.resourceType}</code> · {i.findingCount} finding(s) ·{" "}
          <Link
            href={`/findings/${encodeURIComponent(i.findingId)}`}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            finding
          </Link>
        </p>
        {i.error ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {i.error}
          </p>
        ) : null}
      </header>

      {data.pendingReviews.length ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          Waiting for a decision:{" "}
          {data.pendingReviews.map((r) => (
            <Link
              key={r.id}
              href={`/reviews/${encodeURIComponent(r.id)}`}
              className="text-sky-700 hover:underline dark:text-sky-400"
            >
              {r.title}
            </Link>
          ))}
        </p>
      ) : null}

      <Section title="Proposed actions">
        {data.proposed.length ? (
          <ul className="list-disc pl-5 text-sm">
            {data.proposed.map((a) => (
              <li key={`${a.action}-${a.target}`}>
                <strong>{a.action}</strong> <code>{a.target}</code> — {a.detail}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{String(data.enrichment?.reason ?? "None yet.")}</p>
        )}
      </Section>

      <Section title="Timeline">
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
                      href={`/api/incidents/${encodeURIComponent(i.id)}/evidence?key=${encodeURIComponent(t.detail.key)}`}
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
      </Section>

      {data.canRelease ? (
        <Section title="Release from quarantine">
          <form className="flex max-w-xl flex-col gap-2" onSubmit={submit} aria-label="Release">
            <label className="flex flex-col text-sm">
              Why it is safe to release (a second person approves it in the review queue)
              <textarea
                name="reason"
                rows={2}
                required
                minLength={3}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              />
            </label>
            <div>
              <Button type="submit" variant="danger" disabled={release.isPending}>
                Request release
              </Button>
            </div>
            {release.isError ? <p role="alert">{release.error.message}</p> : null}
            {release.isSuccess ? (
              <p role="status">Release requested: it waits for approval in the review queue.</p>
            ) : null}
          </form>
        </Section>
      ) : null}

      {data.originalState ? (
        <Section title="Recorded original state">
          <pre className="overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
            {JSON.stringify(data.originalState, null, 2)}
          </pre>
        </Section>
      ) : null}
      <Section title="Enrichment">
        <pre className="max-h-96 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
          {JSON.stringify(data.enrichment, null, 2)}
        </pre>
      </Section>
    </div>
  );
}
