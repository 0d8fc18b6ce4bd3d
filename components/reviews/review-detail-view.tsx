"use client";

import { useReviewQuery } from "@/components/hooks/queries/use-reviews-query";
import { DecisionForm } from "./decision-form";
import { ExecutionHistory, FlaggedReasons, ProposedActions } from "./review-sections";
import { StateGraph } from "./state-graph";

export function ReviewDetailView({ id, me }: { id: string; me: string }) {
  const { data, isError, error } = useReviewQuery(id);
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const r = data.review;
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
        <FlaggedReasons reasons={r.reasons} />
        <ProposedActions payload={data.payload} />
        <section aria-labelledby="data-h">
          <h3 id="data-h" className="font-semibold">
            {typeof data.payload.kind === "string" ? "Details" : "Submitted data"}
          </h3>
          <pre className="overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
            {JSON.stringify(data.payload, null, 2)}
          </pre>
        </section>
        {r.status === "pending" ? <DecisionForm id={id} claimedBy={r.claimedBy} me={me} /> : null}
        <ExecutionHistory data={data} />
      </div>
      <aside>
        <h3 className="mb-2 font-semibold">Workflow</h3>
        <StateGraph graph={data.graph} />
      </aside>
    </div>
  );
}
