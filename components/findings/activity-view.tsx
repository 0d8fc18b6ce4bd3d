"use client";

import { useSearchParams } from "next/navigation";
import { useActivityQuery } from "@/components/hooks/queries/use-findings-query";
import { ActivityFilters } from "./activity-filters";
import { ActivityTable, ActivityTopLists } from "./activity-table";
import { QueryStatsBar } from "./query-stats-bar";
import { describeWindow } from "./window-label";

export function ActivityView() {
  const params = useSearchParams();
  const { data, isError, error } = useActivityQuery(params.toString());
  return (
    <div className="flex flex-col gap-4">
      <ActivityFilters />
      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? (
        <p>Loading…</p>
      ) : (
        <>
          <QueryStatsBar stats={data.stats} />
          <p className="text-sm" data-testid="activity-window">
            Events {describeWindow(data.window)}
          </p>
          <ActivityTopLists data={data} />
          <ActivityTable items={data.items} />
          {data.items.length === 0 ? <p className="text-sm">No events match.</p> : null}
        </>
      )}
    </div>
  );
}
