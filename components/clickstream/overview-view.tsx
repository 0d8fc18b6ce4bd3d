"use client";

import { useOverviewQuery } from "@/components/hooks/queries/use-clickstream-query";
import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { formatWhen } from "@/components/ui/format";
import type { OverviewPeriod } from "@/lib/schemas/clickstream-reports";
import { daysAgo, useUrlState } from "../hooks/use-url-state";
import { OverviewPerDayChart, OverviewTopLists } from "./overview-charts";
import { OverviewStats } from "./overview-stats";

const UNITS: Record<string, keyof OverviewPeriod> = { session: "sessions", client: "clients", user: "users" };

export function OverviewView() {
  const [q, set] = useUrlState({ from: daysAgo(13), to: daysAgo(0), unit: "session" });
  const { data, isError, error } = useOverviewQuery(q);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <DayRange from={q.from} to={q.to} onChange={set} />
        <Labelled label="Users are">
          <select className={FIELD} value={q.unit} onChange={(e) => set({ unit: e.target.value })}>
            <option value="session">sessions</option>
            <option value="client">clients (browsers)</option>
            <option value="user">logged-in users</option>
          </select>
        </Labelled>
        {data ? (
          <p data-testid="overview-complete">
            Warehouse complete up to <strong>{formatWhen(data.completeUpTo)}</strong>
          </p>
        ) : null}
      </div>
      {isError ? <p role="alert">{error.message}</p> : null}
      {data ? (
        <>
          <OverviewStats data={data} unit={q.unit} from={q.from} to={q.to} />
          <OverviewPerDayChart perDay={data.perDay} unitsName={UNITS[q.unit]} />
          <OverviewTopLists data={data} />
        </>
      ) : (
        <p>Loading…</p>
      )}
    </div>
  );
}
