import { formatPercent } from "@/components/ui/format";
import type { FunnelResult, FunnelStepResult } from "@/lib/schemas/funnel";

export const stepName = (s: Pick<FunnelStepResult, "step" | "event">) => `${s.step}. ${s.event}`;

/** One bar per step: units, "% of step 1" above it, and the drop-off to the next step. */
export function stepBars(steps: FunnelStepResult[]) {
  return steps.map((s, i) => ({
    name: stepName(s),
    units: s.count,
    conversion: formatPercent(s.conversion),
    dropOff: i < steps.length - 1 && s.count > 0 ? `−${s.dropOff} (${formatPercent(s.dropOffRate)})` : "",
  }));
}

export interface BreakdownSeries {
  key: string;
  label: string;
}

/** At most this many breakdown values get their own bars; the rest are added up as one "other" series. */
export const MAX_SERIES = 6;
const NONE = "(none)";

/**
 * Grouped bars per step, one series per breakdown value (largest first by step-1 units), each bar
 * carrying its value's conversion of its own step 1 (`<key>_pct`, shown on the bar).
 */
export function breakdownBars(r: FunnelResult): { data: Record<string, string | number>[]; series: BreakdownSeries[] } {
  const sorted = [...r.breakdown].sort((a, b) => (b.counts[0] ?? 0) - (a.counts[0] ?? 0));
  const kept = sorted.slice(0, MAX_SERIES);
  const rest = sorted.slice(MAX_SERIES);
  const groups = kept.map((b) => ({ label: b.value ?? NONE, counts: b.counts }));
  if (rest.length)
    groups.push({
      label: `other (${rest.length} values)`,
      counts: r.steps.map((_, i) => rest.reduce((sum, b) => sum + (b.counts[i] ?? 0), 0)),
    });
  const series = groups.map((g, i) => ({ key: `s${i}`, label: g.label }));
  const data = r.steps.map((s, i) => {
    const row: Record<string, string | number> = { name: stepName(s) };
    groups.forEach((g, j) => {
      const n = g.counts[i] ?? 0;
      const first = g.counts[0] ?? 0;
      row[`s${j}`] = n;
      row[`s${j}_pct`] = first ? formatPercent(n / first, 0) : "—";
    });
    return row;
  });
  return { data, series };
}
