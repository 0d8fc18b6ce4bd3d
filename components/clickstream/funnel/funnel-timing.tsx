"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CsvButton } from "@/components/ui/csv-button";
import { Section } from "@/components/ui/section";
import { ROW, TD } from "@/components/ui/table";
import type { FunnelResult } from "@/lib/schemas/funnel";
import { overTimeSeries } from "./over-time-series";

/** How long converting units took, in buckets. */
export function FunnelTimeToConvert({ buckets }: { buckets: FunnelResult["timeToConvert"] }) {
  return (
    <Section
      title="Time to convert"
      actions={
        <CsvButton
          filename="funnel-time-to-convert.csv"
          header={["bucket", "units"]}
          rows={buckets.map((t) => [t.bucket, t.count])}
        />
      }
    >
      <table className="w-full text-sm">
        <tbody>
          {buckets.map((t) => (
            <tr key={t.bucket} className={ROW}>
              <td className={TD}>{t.bucket}</td>
              <td className={TD}>{t.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** Share of each day's entrants that converted; today, still running, is dashed and labelled apart. */
export function FunnelOverTime({ days }: { days: FunnelResult["overTime"] }) {
  const { points, partial } = overTimeSeries(days, new Date().toISOString().slice(0, 10));
  return (
    <Section
      title="Conversion over time"
      actions={
        <CsvButton
          filename="funnel-over-time.csv"
          header={["day", "entrants", "converted"]}
          rows={days.map((d) => [d.day, d.entrants, d.converted])}
        />
      }
    >
      <figure className="h-48 w-full" aria-label="Conversion per day">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" fontSize={11} />
            <YAxis unit="%" fontSize={11} width={40} />
            <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)}%` : v)} />
            <Line dataKey="conversion" name="conversion" stroke="#0284c7" dot={false} isAnimationActive={false} />
            <Line
              dataKey="today"
              name="today so far"
              stroke="#0284c7"
              strokeDasharray="4 4"
              dot={{ r: 4, fill: "transparent", strokeWidth: 2 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      {partial ? (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="over-time-partial">
          {partial.day} is still running: today so far {partial.converted} of {partial.entrants} converted (dashed,
          hollow point). Its visitors may still convert, so it is not part of the line.
        </p>
      ) : null}
    </Section>
  );
}
