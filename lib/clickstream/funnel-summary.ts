import type { FunnelQuery, FunnelResult } from "@/lib/schemas/funnel";

/** Units per (level reached, breakdown value, step-1 day), with their product value. */
export interface FunnelLevelRow {
  lvl: number;
  value: string | null;
  day: string;
  n: number;
  pv: number;
}

/** Units that reached step k after `sec` whole seconds from step 1. */
export interface FunnelTimeRow {
  k: number;
  sec: number;
  n: number;
}

const BUCKETS: [string, number][] = [
  ["< 1 min", 60],
  ["1–5 min", 300],
  ["5–15 min", 900],
  ["15–60 min", 3600],
  ["1–6 h", 6 * 3600],
  ["6–24 h", 86400],
  ["≥ 1 day", Number.POSITIVE_INFINITY],
];

/** The median whole seconds from step 1 to step k, or null when no unit reached it. */
function computeMedianSeconds(times: readonly FunnelTimeRow[], k: number): number | null {
  const hist = times.filter((t) => t.k === k).sort((a, b) => a.sec - b.sec);
  const total = hist.reduce((a, t) => a + t.n, 0);
  if (!total) return null;
  let seen = 0;
  for (const t of hist) {
    seen += t.n;
    if (seen * 2 >= total) return t.sec;
  }
  return null;
}

/** Per-step counts, conversion, drop-off, revenue lost and median time. */
function summariseSteps(q: FunnelQuery, levels: readonly FunnelLevelRow[], times: readonly FunnelTimeRow[]) {
  const n = q.steps.length;
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const counts = ks.map((k) => levels.reduce((a, r) => a + (r.lvl >= k ? r.n : 0), 0));
  const lost = ks.map((k) => (k < n ? levels.reduce((a, r) => a + (r.lvl === k ? r.pv : 0), 0) : 0));
  const first = counts[0] ?? 0;
  return q.steps.map((s, i) => {
    const count = counts[i] ?? 0;
    const prev = i === 0 ? count : (counts[i - 1] ?? 0);
    const dropOff = i < n - 1 ? count - (counts[i + 1] ?? 0) : 0;
    return {
      step: i + 1,
      event: s.event,
      count,
      conversion: first ? count / first : 0,
      fromPrevious: prev ? count / prev : 0,
      dropOff,
      dropOffRate: count ? dropOff / count : 0,
      revenueLost: Math.round((lost[i] ?? 0) * 100) / 100,
      medianSeconds: i === 0 ? null : computeMedianSeconds(times, i + 1),
    };
  });
}

/** Counts per step by breakdown value (largest first) and entrants / conversions per step-1 day. */
function groupLevels(levels: readonly FunnelLevelRow[], n: number) {
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const byValue = new Map<string | null, number[]>();
  const byDay = new Map<string, { day: string; entrants: number; converted: number }>();
  for (const r of levels) {
    const c = byValue.get(r.value) ?? ks.map(() => 0);
    for (const k of ks) if (r.lvl >= k) c[k - 1] = (c[k - 1] ?? 0) + r.n;
    byValue.set(r.value, c);
    const d = byDay.get(r.day) ?? { day: r.day, entrants: 0, converted: 0 };
    d.entrants += r.n;
    if (r.lvl === n) d.converted += r.n;
    byDay.set(r.day, d);
  }
  return {
    breakdown: [...byValue.entries()]
      .map(([value, c]) => ({ value, counts: c }))
      .sort((a, b) => (b.counts[0] ?? 0) - (a.counts[0] ?? 0) || String(a.value).localeCompare(String(b.value))),
    overTime: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** The funnel's figures from its level and time rows (whichever path counted them). */
export function summariseFunnel(
  q: FunnelQuery,
  levels: readonly FunnelLevelRow[],
  times: readonly FunnelTimeRow[],
  excluded = 0,
): Omit<FunnelResult, "explain"> {
  const n = q.steps.length;
  const last = times.filter((t) => t.k === n);
  const { breakdown, overTime } = groupLevels(levels, n);
  return {
    steps: summariseSteps(q, levels, times),
    excluded,
    breakdown,
    timeToConvert: BUCKETS.map(([bucket, max], i) => {
      const min = i === 0 ? 0 : (BUCKETS[i - 1]?.[1] ?? 0);
      return { bucket, count: last.reduce((a, t) => a + (t.sec >= min && t.sec < max ? t.n : 0), 0) };
    }),
    overTime,
  };
}
