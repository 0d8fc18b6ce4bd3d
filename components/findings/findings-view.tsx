"use client";

import { useFindingsQuery } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { FindingFacets } from "./finding-facets";
import { FindingsFilters } from "./findings-filters";
import { FindingsTable } from "./findings-table";
import { FindingsToggles } from "./findings-toggles";
import { QueryStatsBar } from "./query-stats-bar";
import { SeverityChart } from "./severity-chart";
import { type FindingsNavigation, useFindingsNavigation } from "./use-findings-navigation";

function FindingsPager({ nav, nextCursor }: { nav: FindingsNavigation; nextCursor: string | null }) {
  return (
    <div className="mt-3 flex gap-2">
      {nav.params.get("cursor") ? (
        <Button variant="secondary" onClick={() => nav.navigate(() => undefined)}>
          First page
        </Button>
      ) : null}
      {nextCursor ? (
        <Button variant="secondary" onClick={() => nav.goToCursor(nextCursor)}>
          Next page
        </Button>
      ) : null}
    </div>
  );
}

/** Filters live in the URL, so a view can be shared and survives reloads. */
export function FindingsView() {
  const nav = useFindingsNavigation();
  const { data, isError, error, isFetching } = useFindingsQuery(nav.params.toString());
  return (
    <div className="flex flex-col gap-4">
      <FindingsFilters nav={nav} />
      <FindingsToggles nav={nav} />
      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? (
        <p>Loading…</p>
      ) : (
        <>
          <QueryStatsBar stats={data.stats} />
          <SeverityChart timeline={data.timeline} />
          <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
            <FindingFacets facets={data.facets} navigate={nav.navigate} />
            <section aria-label="Findings" aria-busy={isFetching}>
              <FindingsTable items={data.items} />
              {data.items.length === 0 ? <p className="mt-3 text-sm">No findings match this filter.</p> : null}
              <FindingsPager nav={nav} nextCursor={data.nextCursor} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
