"use client";

import { useTrendsQuery } from "@/components/hooks/queries/use-report-queries";
import { daysAgo, useUrlState } from "@/components/hooks/use-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import type { TrendsQueryInput } from "@/lib/schemas/trends";
import { ReportError, ReportExplain } from "../report-explain";
import { TrendsChart } from "./trends-chart";
import { MEASURE_NAMES, type TrendsForm, TrendsFormView } from "./trends-form";
import { TrendsTotals } from "./trends-table";

/** The form in the URL → the API's query. */
export function toTrendsInput(f: TrendsForm): TrendsQueryInput {
  return {
    events: f.events
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean),
    measure: f.measure in MEASURE_NAMES ? (f.measure as keyof typeof MEASURE_NAMES) : "events",
    interval: f.interval === "hour" || f.interval === "week" ? f.interval : "day",
    from: f.from,
    to: f.to,
    ...(f.breakdown ? { breakdown: f.breakdown as TrendsQueryInput["breakdown"] } : {}),
    compare: f.compare !== "no",
  };
}

/** Trends: form, lines against the period before, totals with change, and which engine answered. */
export function TrendsView() {
  const [applied, set] = useUrlState<TrendsForm>({
    events: "page_view",
    measure: "events",
    interval: "day",
    from: daysAgo(13),
    to: daysAgo(0),
    breakdown: "",
    compare: "yes",
  });
  const { data, isError, error, isFetching } = useTrendsQuery(toTrendsInput(applied));
  const empty = data?.series.every((s) => s.total === 0 && !s.previousTotal);
  return (
    <div className="flex flex-col gap-6">
      {/* Keyed by the URL's form: the back button shows the form that ran; typing never remounts it. */}
      <TrendsFormView key={JSON.stringify(applied)} applied={applied} onRun={set} />
      {isError ? <ReportError message={error.message} /> : null}
      {isFetching ? <p>Counting…</p> : null}
      {data && empty ? (
        <EmptyState title="Nothing to draw">
          None of these events happened between {data.previous?.from ?? data.from} and {data.to}. Check the event names
          (such as page_view or purchase) or choose other days.
        </EmptyState>
      ) : data ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {MEASURE_NAMES[data.measure][0]?.toUpperCase()}
            {MEASURE_NAMES[data.measure].slice(1)} per {data.interval}, {data.from} to {data.to} (UTC)
            {data.previous ? `, against ${data.previous.from} to ${data.previous.to} (dashed)` : ""}.
          </p>
          <TrendsChart result={data} />
          <TrendsTotals result={data} />
          <ReportExplain explain={data.explain} />
        </>
      ) : null}
    </div>
  );
}
