"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DayRange, FIELD, Labelled } from "@/components/ui/field";
import { ROW, TD } from "@/components/ui/table";
import type { Overview, OverviewPeriod } from "@/lib/schemas/clickstream-reports";
import { apiFetch } from "../hooks/api-fetch";
import { daysAgo, useUrlState } from "../hooks/use-url-state";

const change = (cur: number, prev: number) =>
  prev
    ? `${cur >= prev ? "+" : ""}${(((cur - prev) / prev) * 100).toFixed(1)}% vs previous period`
    : "no previous data";

function Stat({
  label,
  cur,
  prev,
  format = (x: number) => x.toLocaleString(),
}: {
  label: string;
  cur: number;
  prev: number;
  format?: (x: number) => string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-2xl font-semibold">{format(cur)}</p>
      <p className="text-xs text-slate-500">{change(cur, prev)}</p>
    </div>
  );
}

export function OverviewView() {
  const [q, set] = useUrlState({ from: daysAgo(13), to: daysAgo(0), unit: "session" });
  const { data, isError, error } = useQuery({
    queryKey: ["overview", q],
    queryFn: ({ signal }) => apiFetch<Overview>(`/api/clickstream/overview?${new URLSearchParams(q)}`, { signal }),
  });
  const units: Record<string, keyof OverviewPeriod> = { session: "sessions", client: "clients", user: "users" };
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
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
            Warehouse complete up to{" "}
            <strong>{data.completeUpTo ? new Date(data.completeUpTo).toLocaleString() : "—"}</strong>
          </p>
        ) : null}
      </div>
      {isError ? <p role="alert">{error.message}</p> : null}
      {data ? (
        <>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
            <Stat label="Events" cur={data.current.events} prev={data.previous.events} />
            <Stat label="Sessions" cur={data.current.sessions} prev={data.previous.sessions} />
            <Stat
              label={q.unit === "user" ? "Logged-in users" : "Clients"}
              cur={data.current[units[q.unit] === "users" ? "users" : "clients"]}
              prev={data.previous[units[q.unit] === "users" ? "users" : "clients"]}
            />
            <Stat
              label="First-visit sessions"
              cur={data.current.firstVisitShare}
              prev={data.previous.firstVisitShare}
              format={pct}
            />
            <Stat
              label="Logged-in sessions"
              cur={data.current.loggedInShare}
              prev={data.previous.loggedInShare}
              format={pct}
            />
          </div>
          <figure className="h-56 w-full" aria-label="Events and units per day">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data.perDay}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" fontSize={11} />
                <YAxis fontSize={11} width={56} />
                <Tooltip />
                <Legend />
                <Bar dataKey="events" fill="#0284c7" isAnimationActive={false} />
                <Bar dataKey="units" name={units[q.unit]} fill="#f97316" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <div className="grid gap-6 md:grid-cols-4">
            {(
              [
                ["Top events", data.topEvents.map((t) => [t.name, t.events])],
                ["Top categories (views)", data.topCategories.map((t) => [t.name, t.views])],
                ["Top brands (views)", data.topBrands.map((t) => [t.name, t.views])],
                ["Login state (sessions)", data.loginStates.map((t) => [t.state, t.sessions])],
              ] as const
            ).map(([title, rows]) => (
              <section key={title}>
                <h2 className="mb-2 font-semibold">{title}</h2>
                <table className="w-full text-sm">
                  <tbody>
                    {rows.map(([k, v]) => (
                      <tr key={k} className={ROW}>
                        <td className={TD}>{k}</td>
                        <td className={TD}>{Number(v).toLocaleString()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
        </>
      ) : (
        <p>Loading…</p>
      )}
    </div>
  );
}
