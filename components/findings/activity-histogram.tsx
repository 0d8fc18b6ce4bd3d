"use client";

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityHistogram as Histogram } from "@/lib/schemas/activity";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A bucket width in words: "3-hour", "15-minute", "1-day". */
function widthName(ms: number): string {
  if (ms % (7 * DAY) === 0) return `${ms / (7 * DAY)}-week`;
  if (ms % DAY === 0) return `${ms / DAY}-day`;
  if (ms % HOUR === 0) return `${ms / HOUR}-hour`;
  return `${ms / 60_000}-minute`;
}

const tickOf = (bucketMs: number) => (iso: string) => {
  const d = new Date(iso);
  return bucketMs >= DAY
    ? d.toLocaleDateString(undefined, { month: "short", day: "numeric" })
    : d.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
};

/** Events of the whole result per time bucket, above the rows; the caption says the same in words. */
export function ActivityHistogram({ histogram, total }: { histogram: Histogram; total: number }) {
  const { buckets, bucketMs } = histogram;
  const busiest = buckets.reduce<Histogram["buckets"][number] | null>(
    (best, b) => (b.count > (best?.count ?? 0) ? b : best),
    null,
  );
  const tick = tickOf(bucketMs);
  return (
    <figure className="flex flex-col gap-1" aria-labelledby="activity-histogram-caption">
      <figcaption id="activity-histogram-caption" className="text-sm">
        <strong data-testid="activity-total">{total.toLocaleString()}</strong> {total === 1 ? "event" : "events"} in{" "}
        {widthName(bucketMs)} bars
        {busiest ? (
          <span className="text-slate-600 dark:text-slate-400">
            {" "}
            · busiest: {tick(busiest.start)} ({busiest.count.toLocaleString()})
          </span>
        ) : null}
      </figcaption>
      {/* The caption says what the bars show; the chart is for the eye (keyboard and screen readers skip it). */}
      <div className="h-32 w-full text-slate-600 dark:text-slate-300" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={buckets} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <XAxis dataKey="start" tickFormatter={tick} fontSize={11} tick={{ fill: "currentColor" }} minTickGap={24} />
            <YAxis allowDecimals={false} fontSize={11} width={36} tick={{ fill: "currentColor" }} />
            <Tooltip labelFormatter={(v) => tick(String(v))} formatter={(v) => [String(v), "events"]} />
            <Bar dataKey="count" fill="#0284c7" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
