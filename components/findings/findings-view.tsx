"use client";

import { useFindingsQuery } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import type { FindingsPage } from "@/lib/schemas/findings";
import { FindingFacets } from "./finding-facets";
import { FindingsBulkBar } from "./findings-bulk-bar";
import { FindingsFilters } from "./findings-filters";
import { buildApiSearch } from "./findings-params";
import { FindingsSummary } from "./findings-summary";
import { FindingsTable } from "./findings-table";
import { FindingsToggles } from "./findings-toggles";
import { QueryStatsBar } from "./query-stats-bar";
import { SavedViews } from "./saved-views";
import { SeverityChart } from "./severity-chart";
import { useFindingsListState } from "./use-findings-list-state";
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

/** The results: counts and range, bulk changes on the selected rows, the table; facets beside it (below on phones). */
function FindingsResults({
  data,
  nav,
  me,
  busy,
}: {
  data: FindingsPage;
  nav: FindingsNavigation;
  me: string;
  busy: boolean;
}) {
  const { active, sel, clearSelection } = useFindingsListState(data.items, nav.params.toString());
  return (
    <>
      <FindingsSummary data={data} nav={nav} />
      <SeverityChart timeline={data.timeline} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <section
          aria-label="Findings"
          aria-busy={busy}
          className="@container flex min-w-0 flex-col gap-2 lg:order-last"
        >
          <FindingsBulkBar ids={[...sel.selected]} me={me} onDone={clearSelection} />
          <FindingsTable items={data.items} active={active} sel={sel} />
          {data.items.length === 0 ? <p className="mt-3 text-sm">No findings match this filter.</p> : null}
          <FindingsPager nav={nav} nextCursor={data.nextCursor} />
        </section>
        <FindingFacets facets={data.facets} navigate={nav.navigate} />
      </div>
    </>
  );
}

/** Filters live in the URL, so a view can be shared and survives reloads. */
export function FindingsView({ me }: { me: string }) {
  const nav = useFindingsNavigation();
  const { data, isError, error, isFetching } = useFindingsQuery(buildApiSearch(nav.params).toString());
  const filter = new URLSearchParams([...nav.params].filter(([k]) => k !== "cursor" && k !== "limit")).toString();
  return (
    <div className="flex flex-col gap-4">
      <SavedViews query={filter} />
      <FindingsFilters nav={nav} />
      <FindingsToggles nav={nav} />
      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? (
        isError ? null : (
          <p>Loading…</p>
        )
      ) : (
        <>
          <QueryStatsBar stats={data.stats} />
          <FindingsResults data={data} nav={nav} me={me} busy={isFetching} />
        </>
      )}
    </div>
  );
}
