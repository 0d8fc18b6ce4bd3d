import { formatCount, formatPercent } from "@/components/ui/format";
import type { OverviewPeriod } from "@/lib/schemas/clickstream-reports";

/** Whether the previous period holds anything at all (a stat of 0 there is a real 0, not missing data). */
export const hasPreviousData = (p: OverviewPeriod) => p.events > 0 || p.sessions > 0;

/**
 * How a stat moved against the previous period, in words: counts as % change with the previous value,
 * shares (0–1) in percentage points. "No data in the previous period" only when that period is empty.
 */
export function describeChange(cur: number, prev: number, kind: "count" | "share", hasPrevious: boolean): string {
  if (!hasPrevious) return "no data in the previous period";
  if (kind === "share") {
    const pts = (cur - prev) * 100;
    if (Math.abs(pts) < 0.05) return `same as the previous period (${formatPercent(prev)})`;
    return `${pts > 0 ? "+" : "−"}${Math.abs(pts).toFixed(1)} pts vs ${formatPercent(prev)} in the previous period`;
  }
  if (prev === 0) return cur === 0 ? "none in the previous period either" : "up from none in the previous period";
  if (cur === prev) return `same as the previous period (${formatCount(prev)})`;
  const pct = ((cur - prev) / prev) * 100;
  return `${pct > 0 ? "+" : "−"}${Math.abs(pct).toFixed(1)}% vs ${formatCount(prev)} in the previous period`;
}

/** The previous period of the same length as [from, to] (whole UTC days, `to` inclusive). */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(start - days * day), to: iso(start - day) };
}
