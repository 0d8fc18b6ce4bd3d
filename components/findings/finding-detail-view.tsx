"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useFindingQuery, useTriageMutation } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { TRIAGE_STATUSES, type TriageStatus } from "@/lib/schemas/findings";
import { SeverityBadge } from "./findings-view";
import { QueryStatsBar } from "./query-stats-bar";
import { TimelineTable } from "./timeline-table";

const KIND_OF = { ip: "ip", arn: "arn", instance: "instance", accessKey: "access-key" } as const;

export function FindingDetailView({ id, me }: { id: string; me: string }) {
  const { data, isError, error } = useFindingQuery(id);
  const triage = useTriageMutation(id);
  const [status, setStatus] = useState<TriageStatus | "">("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");

  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const f = data.finding;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    triage.mutate(
      {
        ...(status ? { status } : {}),
        ...(status === "suppressed" || (status && reason) ? { reason: reason || undefined } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: () => (setNote(""), setStatus(""), setReason("")) },
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <div className="flex items-center gap-2">
          <SeverityBadge severity={f.severity} />
          <span className="text-sm text-slate-500">{f.type}</span>
        </div>
        <h2 className="text-xl font-semibold">{f.title}</h2>
        <p className="text-sm">
          Status: <strong data-testid="finding-status">{f.status.replace("_", " ")}</strong>
          {f.reason ? ` (${f.reason})` : ""} · Assignee: {f.assignee ?? "nobody"} · First seen{" "}
          {new Date(f.firstSeen).toLocaleString()} · Last seen {new Date(f.lastSeen).toLocaleString()} · {f.count}×
        </p>
        {data.incident ? (
          <p className="text-sm">
            Incident:{" "}
            <Link
              href={`/incidents/${encodeURIComponent(data.incident.id)}`}
              className="text-sky-700 hover:underline dark:text-sky-400"
            >
              {data.incident.id}
            </Link>{" "}
            ({data.incident.status.replace(/_/g, " ")})
          </p>
        ) : null}
        <QueryStatsBar stats={data.stats} />
        <Link
          className="text-sm text-sky-700 underline dark:text-sky-400"
          href={`/suppressions?${new URLSearchParams({ type: f.type, ...(f.resourceId ? { resource: f.resourceId } : {}) }).toString()}`}
        >
          Suppress similar findings…
        </Link>
      </header>

      {f.description ? <p>{f.description}</p> : null}
      {f.explanation ? (
        <section className="rounded border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950">
          <h3 className="font-semibold">Why this fired</h3>
          <p>{f.explanation}</p>
          {f.matchedEventIds.length ? (
            <p className="mt-1 text-xs">Matching events: {f.matchedEventIds.join(", ")}</p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="ind-h">
        <h3 id="ind-h" className="mb-1 font-semibold">
          Entities
        </h3>
        <ul className="flex flex-wrap gap-2 text-sm">
          {(Object.keys(KIND_OF) as (keyof typeof KIND_OF)[]).flatMap((k) =>
            f.indicators[k].map((v) => (
              <li key={`${k}-${v}`}>
                <Link
                  className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                  href={`/entities?kind=${KIND_OF[k]}&value=${encodeURIComponent(v)}`}
                >
                  {v}
                </Link>
              </li>
            )),
          )}
        </ul>
      </section>

      <form
        onSubmit={submit}
        className="flex flex-col gap-2 rounded border border-slate-200 p-3 dark:border-slate-800"
        aria-label="Triage"
      >
        <h3 className="font-semibold">Triage</h3>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-xs">
            Status
            <select
              name="status"
              value={status}
              onChange={(e) => setStatus(e.target.value as TriageStatus | "")}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="">(unchanged)</option>
              {TRIAGE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.replace("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs">
            Reason
            <input
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
        </div>
        <label className="flex flex-col text-xs">
          Note
          <textarea
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <div className="flex gap-2">
          <Button type="submit" disabled={triage.isPending || (!status && !note.trim())}>
            Save
          </Button>
          <Button
            variant="secondary"
            disabled={triage.isPending}
            onClick={() => triage.mutate({ assignee: f.assignee === me ? null : me })}
          >
            {f.assignee === me ? "Unassign me" : "Assign to me"}
          </Button>
        </div>
        {triage.isError ? <p role="alert">{triage.error.message}</p> : null}
      </form>

      <section aria-labelledby="notes-h">
        <h3 id="notes-h" className="mb-1 font-semibold">
          Notes and history
        </h3>
        <ul className="text-sm">
          {data.notes.map((n) => (
            <li key={`${n.createdAt}-${n.author}`} data-testid="note">
              <span className="text-slate-500">
                {new Date(n.createdAt).toLocaleString()} · {n.author}:
              </span>{" "}
              {n.body}
            </li>
          ))}
          {data.history.map((h) => (
            <li key={`${h.at}-${h.action}`} className="text-slate-500">
              {new Date(h.at).toLocaleString()} · {h.actor} · {h.action} {JSON.stringify(h.detail.after ?? "")}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rel-h">
        <h3 id="rel-h" className="mb-1 font-semibold">
          Related activity (±6 h, same entities)
        </h3>
        <TimelineTable events={data.related} />
      </section>

      <details>
        <summary className="cursor-pointer font-semibold">Raw</summary>
        <pre className="mt-2 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
          {JSON.stringify({ ...f.raw, detail: f.detail }, null, 2)}
        </pre>
      </details>
    </div>
  );
}
