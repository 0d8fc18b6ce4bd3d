"use client";

import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FindingsPage } from "@/lib/schemas/findings";
import { SEVERITY_COLORS, SEVERITY_LABELS } from "./finding-labels";

/** Findings per day, stacked by severity. */
export function SeverityChart({ timeline }: { timeline: FindingsPage["timeline"] }) {
  const days = new Map<string, Record<string, number | string>>();
  for (const t of timeline) {
    const row = days.get(t.day) ?? { day: t.day };
    row[String(t.severity)] = t.count;
    days.set(t.day, row);
  }
  const data = [...days.values()];
  return (
    <figure className="h-48 w-full" aria-label="Findings per day by severity">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <XAxis dataKey="day" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={32} />
          <Tooltip />
          <Legend formatter={(v) => SEVERITY_LABELS[Number(v)] ?? v} />
          {[1, 2, 3, 4, 5].map((s) => (
            <Bar key={s} dataKey={String(s)} stackId="sev" fill={SEVERITY_COLORS[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
