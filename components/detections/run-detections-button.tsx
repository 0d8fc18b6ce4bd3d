"use client";

import { useRunDetectionsMutation } from "@/components/hooks/queries/use-detections-query";
import { Button } from "@/components/ui/button";

/** Admins: run the threshold and sequence rules now (locally; in AWS the answer says the schedule runs them). */
export function RunDetectionsButton() {
  const run = useRunDetectionsMutation();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Button variant="secondary" onClick={() => run.mutate()} disabled={run.isPending} data-testid="run-detections">
        {run.isPending ? "Running detections…" : "Run detections now"}
      </Button>
      {run.data ? (
        <span role="status" data-testid="run-detections-result">
          {run.data.evaluated} rule-hours evaluated, {run.data.findings} findings, {run.data.raised} new.
        </span>
      ) : null}
      {run.isError ? <span role="alert">{run.error.message}</span> : null}
    </div>
  );
}
