"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useActivityQuery } from "@/components/hooks/queries/use-findings-query";
import { activitySearchProblem } from "@/lib/schemas/search-problems";
import { ActivityFilters } from "./activity-filters";
import { ActivityHistogram } from "./activity-histogram";
import { ActivityTable, ActivityTopLists } from "./activity-table";
import { withFilter } from "./entity-links";
import { QueryStatsBar } from "./query-stats-bar";
import { SearchOutcome } from "./search-outcome";
import { describeWindow } from "./window-label";

export function ActivityView() {
  const params = useSearchParams();
  const search = params.toString();
  // A search the page can tell is wrong is not sent: it says why, in words, instead of loading.
  const problem = activitySearchProblem(Object.fromEntries(params));
  const { data, error } = useActivityQuery(search, problem === null);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      {/* Keyed by the URL: a pivot link that adds a filter shows up in the form. */}
      <ActivityFilters key={search} />
      <SearchOutcome problem={problem} error={error} data={data}>
        {(data) => (
          <>
            <QueryStatsBar stats={data.stats} />
            <p className="text-sm" data-testid="activity-window">
              Events {describeWindow(data.window)}
            </p>
            <ActivityHistogram histogram={data.histogram} total={data.total} />
            <ActivityTopLists data={data} />
            <ActivityTable items={data.items} />
            {data.items.length === 0 ? <p className="text-sm">No events match.</p> : null}
            {data.nextCursor ? (
              <Link
                className="self-start text-sm text-sky-700 hover:underline dark:text-sky-400"
                href={withFilter(params, "cursor", data.nextCursor)}
              >
                Older events →
              </Link>
            ) : null}
          </>
        )}
      </SearchOutcome>
    </div>
  );
}
