"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useClaimMutation, useDecisionMutation, useReviewQuery } from "@/components/hooks/queries/use-reviews-query";
import { Button } from "@/components/ui/button";
import { StateGraph } from "./state-graph";

export function ReviewDetailView({ id, me }: { id: string; me: string }) {
  const { data, isError, error } = useReviewQuery(id);
  const decide = useDecisionMutation(id);
  const claim = useClaimMutation(id);
  const [comment, setComment] = useState("");
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const r = data.review;
  const pending = r.status === "pending";
  const submit = (decision: "approve" | "reject") => (e?: FormEvent) => {
    e?.preventDefault();
    decide.mutate({ decision, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="flex flex-col gap-4">
        <header>
          <h2 className="text-xl font-semibold">{r.title}</h2>
          <p className="text-sm">
            Status: <strong data-testid="review-status">{r.status}</strong> · submitted by {r.submittedBy ?? "—"} · due{" "}
            {new Date(r.dueAt).toLocaleString()}
            {r.overdue ? " (overdue)" : ""}
            {r.decidedBy ? ` · decided by ${r.decidedBy}` : ""}
            {r.comment ? ` — “${r.comment}”` : ""}
          </p>
        </header>
        <section
          aria-labelledby="why-h"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <h3 id="why-h" className="font-semibold">
            Why it was flagged
          </h3>
          <ul className="list-disc pl-5">
            {r.reasons.map((x) => (
              <li key={x.rule}>
                <code>{x.rule}</code>: {x.message}
              </li>
            ))}
          </ul>
        </section>
        {Array.isArray(data.payload.proposedActions) ? (
          <section aria-labelledby="actions-h" className="text-sm">
            <h3 id="actions-h" className="font-semibold">
              Exactly what approving does{data.payload.simulated ? " (simulated estate)" : ""}
            </h3>
            <ol className="list-decimal pl-5" aria-label="Proposed actions">
              {(data.payload.proposedActions as { action: string; target: string; detail: string }[]).map((a) => (
                <li key={`${a.action}-${a.target}`}>
                  <strong>{a.action}</strong> <code>{a.target}</code> — {a.detail}
                </li>
              ))}
            </ol>
            {typeof data.payload.incidentId === "string" ? (
              <Link
                href={`/incidents/${encodeURIComponent(data.payload.incidentId)}`}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                Open the incident
              </Link>
            ) : null}
          </section>
        ) : null}
        <section aria-labelledby="data-h">
          <h3 id="data-h" className="font-semibold">
            {typeof data.payload.kind === "string" ? "Details" : "Submitted data"}
          </h3>
          <pre className="overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
            {JSON.stringify(data.payload, null, 2)}
          </pre>
        </section>
        {pending ? (
          <form className="flex flex-col gap-2" onSubmit={submit("approve")} aria-label="Decision">
            <label className="flex flex-col text-xs">
              Comment (required to reject)
              <textarea
                name="comment"
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              />
            </label>
            <div className="flex gap-2">
              <Button type="submit" disabled={decide.isPending}>
                Approve
              </Button>
              <Button variant="danger" disabled={decide.isPending} onClick={() => submit("reject")()}>
                Reject
              </Button>
              <Button variant="secondary" disabled={claim.isPending} onClick={() => claim.mutate(r.claimedBy !== me)}>
                {r.claimedBy === me ? "Release" : "Claim"}
              </Button>
            </div>
            {decide.isError ? <p role="alert">{decide.error.message}</p> : null}
            {claim.isError ? <p role="alert">{claim.error.message}</p> : null}
          </form>
        ) : null}
        <section aria-labelledby="hist-h">
          <h3 id="hist-h" className="font-semibold">
            Execution history ({data.execution.status})
          </h3>
          <ol className="text-xs">
            {data.history
              .filter((h) => h.state || h.type.startsWith("Execution"))
              .map((h, i) => (
                <li key={`${h.at}-${h.type}-${h.state ?? i}`}>
                  {new Date(h.at).toLocaleTimeString()} · {h.type}
                  {h.state ? ` · ${h.state}` : ""}
                </li>
              ))}
          </ol>
        </section>
      </div>
      <aside>
        <h3 className="mb-2 font-semibold">Workflow</h3>
        <StateGraph graph={data.graph} />
      </aside>
    </div>
  );
}
