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
import { describeWindow } from "./window-label";

const ALERT =
  "rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200";

export function ActivityView() {
  const params = useSearchParams();
  const search = params.toString();
  // A search the page can tell is wrong is not sent: it says why, in words, instead of loading.
  const problem = activitySearchProblem(Object.fromEntries(params));
  const { data, isError, error } = useActivityQuery(search, problem === null);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      {/* Keyed by the URL: a pivot link that adds a filter shows up in the form. */}
      <ActivityFilters key={search} />
      {problem ? (
        <p role="alert" className={ALERT}>
          {problem}
        </p>
      ) : isError ? (
        <p role="alert" className={ALERT}>
          {error.message}
        </p>
      ) : !data ? (
        <p>Loading…</p>
      ) : (
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
    </div>
  );
}
