"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Section } from "@/components/ui/section";
import type { TrendSeries, TrendsResult } from "@/lib/schemas/trends";
import { bucketLabel, colourOf, seriesLabel } from "./trend-labels";

/** Lines drawn at most (the table lists every series). */
const MAX_LINES = 11;

/**
 * One row per point: each series' complete values (`c<i>`), its running point joined to the last
 * complete one (`p<i>`, dotted), and the previous period's value at the same offset (`b<i>`, dashed).
 */
function toChartRows(r: TrendsResult, shown: number) {
  const partial = r.buckets.findIndex((b) => b.state === "partial");
  return r.buckets.map((b, k) => {
    const row: Record<string, string | number | null> = { at: bucketLabel(b, r.interval) };
    r.series.slice(0, shown).forEach((s, i) => {
      const v = s.current[k] ?? null;
      row[`c${i}`] = b.state === "complete" ? v : null;
      row[`p${i}`] = partial >= 0 && (k === partial || k === partial - 1) ? v : null;
      if (s.previous) row[`b${i}`] = s.previous[k] ?? null;
    });
    return row;
  });
}

/**
 * A series' lines (called, not rendered as a component: recharts reads its Line children directly):
 * this period's complete points, its running point (dotted), and the period before (dashed).
 */
function seriesLines(
  s: TrendSeries,
  i: number,
  o: { name: string; dots: false | { r: number }; previousInLegend: boolean },
) {
  const colour = colourOf(i);
  const id = JSON.stringify([s.event, s.value, s.other]);
  const lines = [
    <Line key={`c${id}`} dataKey={`c${i}`} name={o.name} stroke={colour} dot={o.dots} isAnimationActive={false} />,
    <Line
      key={`p${id}`}
      dataKey={`p${i}`}
      name={`${o.name} (so far)`}
      stroke={colour}
      strokeDasharray="2 3"
      dot={{ r: 2 }}
      legendType="none"
      isAnimationActive={false}
    />,
  ];
  if (s.previous)
    lines.push(
      <Line
        key={`b${id}`}
        dataKey={`b${i}`}
        name={`${o.name} (previous period)`}
        stroke={colour}
        strokeOpacity={0.6}
        strokeDasharray="6 4"
        dot={o.dots}
        legendType={o.previousInLegend ? "line" : "none"}
        isAnimationActive={false}
      />,
    );
  return lines;
}

/** The trend lines: this period solid, its running point dotted, the period before dashed. */
export function TrendsChart({ result: r }: { result: TrendsResult }) {
  const shown = Math.min(r.series.length, MAX_LINES);
  const many = new Set(r.series.map((s) => s.event)).size > 1;
  const partial = r.buckets.find((b) => b.state === "partial");
  // A line of one or two points is only visible as dots; a crowded legend names this period's lines only.
  const dots = r.buckets.length <= 2 ? { r: 3 } : false;
  const previousInLegend = shown <= 3;
  return (
    <Section title="Over time">
      <figure className="h-72 w-full" aria-label="Trend lines per point in time, with the previous period dashed">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={toChartRows(r, shown)}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="at" fontSize={11} minTickGap={16} />
            <YAxis fontSize={11} width={48} allowDecimals={false} />
            <Tooltip />
            <Legend />
            {partial ? (
              <ReferenceLine
                x={bucketLabel(partial, r.interval)}
                stroke="#94a3b8"
                strokeDasharray="2 2"
                label={{ value: "so far", position: "insideTopRight", fontSize: 11, fill: "#64748b" }}
              />
            ) : null}
            {r.series
              .slice(0, shown)
              .flatMap((s, i) => seriesLines(s, i, { name: seriesLabel(s, many), dots, previousInLegend }))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Solid: {r.from} to {r.to}
        {r.previous ? `; dashed: the period before (${r.previous.from} to ${r.previous.to}), point for point` : ""}
        {partial ? "; dotted: the point still running, counted so far" : ""}.
      </p>
      {r.series.length > shown ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The chart draws the first {shown} series; the table below lists all {r.series.length}.
        </p>
      ) : null}
    </Section>
  );
}
