"use client";

import { usePipelineQuery, useRunEtlMutation } from "@/components/hooks/queries/use-pipeline-query";
import { PipelineFailures } from "./pipeline-failures";
import { PipelineSummary } from "./pipeline-summary";
import { PipelineIngest, PipelineRuns } from "./pipeline-tables";

export function PipelineView() {
  const { data, isError, error } = usePipelineQuery();
  // Here, not in the summary: the last run's outcome outlives a failed refresh of the status.
  const run = useRunEtlMutation();
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <div className="flex flex-col gap-6">
      <PipelineSummary data={data} run={run} />
      <PipelineIngest ingest={data.ingest} />
      <PipelineRuns runs={data.runs} />
      <PipelineFailures failedObjects={data.failedObjects} quarantine={data.quarantine} />
    </div>
  );
}
