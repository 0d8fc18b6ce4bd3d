import type { useRunEtlMutation } from "@/components/hooks/queries/use-pipeline-query";
import { Button } from "@/components/ui/button";
import { formatPercent, formatWhen } from "@/components/ui/format";
import type { PipelineStatus } from "@/lib/schemas/pipeline";

/** How complete and how lossy the warehouse is, and a button to run the ETL now. */
export function PipelineSummary({ data, run }: { data: PipelineStatus; run: ReturnType<typeof useRunEtlMutation> }) {
  return (
    <section className="flex flex-wrap items-center gap-4 text-sm">
      <p data-testid="complete-up-to">
        Warehouse complete up to <strong>{formatWhen(data.completeUpTo)}</strong>
        {data.pendingObjects ? ` · ${data.pendingObjects} raw objects waiting` : ""}
      </p>
      <p>
        Event loss (sequence gaps, 24 h): <strong>{formatPercent(data.lossRate, 2)}</strong>
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
  );
}
