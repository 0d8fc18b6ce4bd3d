"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Section } from "@/components/ui/section";
import type { RetentionResult } from "@/lib/schemas/retention";

/** The average share retained per offset, over cohorts whose period at that offset has ended. */
export function RetentionCurve({ result: r }: { result: RetentionResult }) {
  const name = r.period === "week" ? "Week" : "Day";
  const data = r.average.map((a) => ({
    offset: `${name} ${a.offset}`,
    retained: a.share === null ? null : Math.round(a.share * 1000) / 10,
  }));
  return (
    <Section title="Average retention">
      <figure className="h-56 w-full" aria-label="Average share of a cohort retained, per period since it started">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="offset" fontSize={11} />
            <YAxis unit="%" fontSize={11} width={44} domain={[0, 100]} />
            <Tooltip />
            <Line dataKey="retained" name="retained (%)" stroke="#0284c7" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Weighted by cohort size, counting only cohorts whose {r.period} at that point has ended.
      </p>
    </Section>
  );
}
