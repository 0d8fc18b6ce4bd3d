"use client";

import { useRetentionQuery } from "@/components/hooks/queries/use-report-queries";
import { daysAgo, useUrlState } from "@/components/hooks/use-url-state";
import { EmptyState } from "@/components/ui/empty-state";
import type { RetentionQueryInput } from "@/lib/schemas/retention";
import { ReportError, ReportExplain } from "../report-explain";
import { RetentionCurve } from "./retention-chart";
import { type RetentionForm, RetentionFormView } from "./retention-form";
import { RetentionTable } from "./retention-table";

/** The form in the URL → the API's query (empty event fields mean "any event"). */
export function toRetentionInput(f: RetentionForm): RetentionQueryInput {
  return {
    period: f.period === "day" ? "day" : "week",
    periods: Number(f.periods),
    start: f.start,
    unit: f.unit === "user" || f.unit === "person" ? f.unit : "client",
    cohortEvent: f.cohort.trim() ? { event: f.cohort.trim() } : {},
    returnEvent: {
      ...(f.back.trim() ? { event: f.back.trim() } : {}),
      ...(f.category.trim() ? { category: f.category.trim() } : {}),
    },
  };
}

/** Retention cohorts: form, cohort table, average curve, and which engine answered. */
export function RetentionView() {
  const [applied, set] = useUrlState<RetentionForm>({
    period: "week",
    periods: "8",
    start: daysAgo(7 * 7),
    unit: "client",
    cohort: "",
    back: "",
    category: "",
  });
  const { data, isError, error, isFetching } = useRetentionQuery(toRetentionInput(applied));
  const people = { user: "Logged-in users", person: "People" }[applied.unit] ?? "Clients";
  return (
    <div className="flex flex-col gap-6">
      {/* Keyed by the URL's form: the back button shows the form that ran; typing never remounts it. */}
      <RetentionFormView key={JSON.stringify(applied)} applied={applied} onRun={set} />
      {isError ? <ReportError message={error.message} /> : null}
      {isFetching ? <p>Counting…</p> : null}
      {data?.cohorts.every((c) => c.size === 0) ? (
        <EmptyState title="No one to follow yet">
          No {people.toLowerCase()} did {data.explain.cohortEvent} from {data.start} on. Try an earlier start, another
          event, or counting clients rather than users.
        </EmptyState>
      ) : data ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {people} grouped by the {data.period} they first did {data.explain.cohortEvent} (from {data.start}), then
            counted when they did {data.explain.returnEvent} again later.
          </p>
          <RetentionTable result={data} />
          <RetentionCurve result={data} />
          <ReportExplain explain={data.explain}>
            <p className="mt-2 text-slate-600 dark:text-slate-400">
              "First" means first since the report's start: events before {data.start} are not read.
            </p>
          </ReportExplain>
        </>
      ) : null}
    </div>
  );
}
