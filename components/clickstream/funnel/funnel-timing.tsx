"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CsvButton } from "@/components/ui/csv-button";
import { Section } from "@/components/ui/section";
import { ROW, TD } from "@/components/ui/table";
import type { FunnelResult } from "@/lib/schemas/funnel";

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

/** Share of each day's entrants that converted. */
export function FunnelOverTime({ days }: { days: FunnelResult["overTime"] }) {
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
          <LineChart
            data={days.map((d) => ({
              day: d.day,
              conversion: d.entrants ? (100 * d.converted) / d.entrants : 0,
            }))}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" fontSize={11} />
            <YAxis unit="%" fontSize={11} width={40} />
            <Tooltip />
            <Line dataKey="conversion" stroke="#0284c7" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </Section>
  );
}
