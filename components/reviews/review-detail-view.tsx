"use client";

import { useReviewQuery } from "@/components/hooks/queries/use-reviews-query";
import { DecisionPanel } from "./decision-panel";
import { ReviewComments } from "./review-comments";
import { ReviewHeader } from "./review-header";
import { ExecutionHistory, FlaggedReasons, ProposedActions } from "./review-sections";
import { SubmittedData } from "./submitted-data";
import { WorkflowGraph } from "./workflow-graph";

/**
 * One review item: what to decide on first (why it was flagged, what approving does, the submitted
 * data as a form), the decision panel kept in view (beside the content on wide screens, along the
 * bottom on narrow ones), then the discussion, the workflow drawn, and its history.
 */
export function ReviewDetailView({ id, me }: { id: string; me: string }) {
  const { data, isError, error } = useReviewQuery(id);
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const r = data.review;
  const workflow = r.workflow;
  const current = data.graph.nodes.find((n) => n.current)?.id;
  return (
    <div className="mt-4 flex min-w-0 flex-col gap-6 md:grid md:grid-cols-[minmax(0,1fr)_20rem] md:items-start">
      <div className="flex min-w-0 flex-col gap-6">
        <ReviewHeader r={r} />
        <FlaggedReasons reasons={r.reasons} />
        <ProposedActions payload={data.payload} />
        <SubmittedData payload={data.payload} skip={["kind", "proposedActions"]} />
        <ReviewComments id={id} />
        <section aria-labelledby="graph-h" className="flex min-w-0 flex-col gap-2">
          <h3 id="graph-h" className="font-semibold">
            Workflow: {workflow}
          </h3>
          <WorkflowGraph
            graph={data.graph}
            label={`The ${workflow} workflow${current ? `, waiting at ${current}` : ""} (${data.execution.status.toLowerCase()})`}
          />
        </section>
        <ExecutionHistory data={data} />
      </div>
      <DecisionPanel review={r} me={me} />
    </div>
  );
}
