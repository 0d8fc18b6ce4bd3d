"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ROW, TD } from "@/components/ui/table";
import type { Overview } from "@/lib/schemas/clickstream-reports";

/** Events and counted units per day; `unitsName` names the units in the legend. */
export function OverviewPerDayChart({ perDay, unitsName }: { perDay: Overview["perDay"]; unitsName?: string }) {
  return (
    <figure className="h-56 w-full" aria-label="Events and units per day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={perDay}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" fontSize={11} />
          <YAxis fontSize={11} width={56} />
          <Tooltip />
          <Legend />
          <Bar dataKey="events" fill="#0284c7" isAnimationActive={false} />
          <Bar dataKey="units" name={unitsName} fill="#f97316" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The period's top events, categories, brands and login states, side by side. */
export function OverviewTopLists({ data }: { data: Overview }) {
  const lists = [
    ["Top events", data.topEvents.map((t) => [t.name, t.events])],
    ["Top categories (views)", data.topCategories.map((t) => [t.name, t.views])],
    ["Top brands (views)", data.topBrands.map((t) => [t.name, t.views])],
    ["Login state (sessions)", data.loginStates.map((t) => [t.state, t.sessions])],
  ] as const;
  return (
    <div className="grid gap-6 md:grid-cols-4">
      {lists.map(([title, rows]) => (
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
  );
}
