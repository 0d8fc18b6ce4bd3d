import type { TrendBucket, TrendInterval, TrendSeries } from "@/lib/schemas/trends";

/** What a series is called on the chart and in the table. */
export function seriesLabel(s: TrendSeries, multipleEvents: boolean): string {
  const value = s.other ? "other values" : s.value === "(none)" ? "not set" : s.value;
  if (value === null) return s.event;
  return multipleEvents ? `${s.event} · ${value}` : value;
}

/** A point's label on the time axis (UTC). */
export function bucketLabel(b: TrendBucket, interval: TrendInterval, previous = false): string {
  const iso = previous ? b.previousStart : b.start;
  const day = iso.slice(5, 10);
  if (interval === "hour") return `${day} ${iso.slice(11, 13)}:00`;
  return interval === "week" ? `week of ${day}` : day;
}

/** A change as people read it: "+250%", "−85%", "no change"; null (nothing to compare) as "—". */
export function formatChange(change: number | null): string {
  if (change === null) return "—";
  if (change === 0) return "no change";
  const pct = Math.round(change * 1000) / 10;
  return `${pct > 0 ? "+" : "−"}${Math.abs(pct)}%`;
}

/** Distinct line colours readable on light and dark backgrounds. */
export const SERIES_COLOURS = [
  "#0284c7",
  "#f97316",
  "#16a34a",
  "#a855f7",
  "#e11d48",
  "#0d9488",
  "#ca8a04",
  "#6366f1",
  "#db2777",
  "#65a30d",
  "#64748b",
] as const;
export const colourOf = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length] as string;
