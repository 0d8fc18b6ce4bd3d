"use client";

import { useIngestionQuery } from "@/components/hooks/queries/use-ingestion-query";
import { IngestionQuarantine } from "./ingestion-quarantine";
import { IngestionRuns, IngestionSources } from "./ingestion-tables";

export function IngestionView() {
  const { data, isError, error, isLoading } = useIngestionQuery();
  if (isLoading) return <p>Loading…</p>;
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return null;
  return (
    <div className="flex flex-col gap-8">
      <IngestionSources sources={data.sources} />
      <IngestionRuns runs={data.runs} />
      <IngestionQuarantine quarantine={data.quarantine} failedObjects={data.failedObjects} />
    </div>
  );
}
