"use client";

import { useSearchParams } from "next/navigation";
import { useEntityQuery } from "@/components/hooks/queries/use-findings-query";
import type { EntityTimeline } from "@/lib/schemas/activity";
import { ENTITY_KIND_LABELS } from "@/lib/schemas/entities";
import { entityLookupProblem } from "@/lib/schemas/search-problems";
import { AwsIpCard } from "./aws-ip-card";
import { EntitySearch } from "./entity-search";
import { EntitySummaryCards } from "./entity-summary";
import { QueryStatsBar } from "./query-stats-bar";
import { SearchOutcome } from "./search-outcome";
import { TimelineTable } from "./timeline-table";

const day = (iso: string) => new Date(iso).toLocaleDateString();

function EntityDetails({ data, canReloadRanges }: { data: EntityTimeline; canReloadRanges: boolean }) {
  return (
    <>
      <h2 className="min-w-0 text-lg font-semibold">
        {ENTITY_KIND_LABELS[data.kind]}{" "}
        <code className="break-all" data-testid="entity-value">
          {data.value}
        </code>
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        From {day(data.window.from)} to {day(data.window.to)}
      </p>
      <EntitySummaryCards
        s={data.summary}
        aws={data.aws ? <AwsIpCard aws={data.aws} canReload={canReloadRanges} /> : null}
      />
      <section aria-labelledby="timeline-h" className="flex min-w-0 flex-col gap-1">
        <h3 id="timeline-h" className="font-semibold">
          Timeline
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {data.events.length} events from {day(data.window.from)} to {day(data.window.to)}
          {data.events.length >= 500 ? " (the newest 500)" : ""}
        </p>
        <TimelineTable events={data.events} />
      </section>
      <QueryStatsBar stats={data.stats} />
    </>
  );
}

/** An entity's page: a search box, then (for the entity in the URL) its summary and its timeline. */
export function EntityView({ canReloadRanges = false }: { canReloadRanges?: boolean }) {
  const params = useSearchParams();
  const search = params.toString();
  const asked = params.has("kind") || params.has("value");
  // A lookup the page can tell is wrong is not sent: it says why, in words, instead of loading.
  const problem = asked ? entityLookupProblem(Object.fromEntries(params)) : null;
  const { data, error } = useEntityQuery(search, asked && problem === null);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <EntitySearch key={search} initial={params.get("value") ?? ""} />
      {!asked ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          See where an address, identity, instance or key was seen, what it called and what fired about it, then every
          CloudTrail event, VPC flow and finding that names it on one timeline.
        </p>
      ) : (
        <SearchOutcome problem={problem} error={error} data={data}>
          {(data) => <EntityDetails data={data} canReloadRanges={canReloadRanges} />}
        </SearchOutcome>
      )}
    </div>
  );
}
