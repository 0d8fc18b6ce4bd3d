"use client";

import { useSearchParams } from "next/navigation";
import { useEntityQuery } from "@/components/hooks/queries/use-findings-query";
import { QueryStatsBar } from "./query-stats-bar";
import { TimelineTable } from "./timeline-table";

export function EntityView() {
  const params = useSearchParams();
  const { data, isError, error } = useEntityQuery(params.toString());
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <div className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">
        {data.kind} <code data-testid="entity-value">{data.value}</code>
      </h2>
      <QueryStatsBar stats={data.stats} />
      <p className="text-sm text-slate-500">
        {data.events.length} events from {new Date(data.window.from).toLocaleDateString()} to{" "}
        {new Date(data.window.to).toLocaleDateString()}
      </p>
      <TimelineTable events={data.events} />
    </div>
  );
}
