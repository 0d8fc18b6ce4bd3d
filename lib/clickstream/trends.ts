import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { TrendBucket, TrendSeries, TrendsQuery, TrendsResult } from "@/lib/schemas/trends";
import { runEventReport } from "./event-report";
import { DAY_MS, toDay } from "./report-sql";
import { buildTrendsSql, computeTrendRange, type TrendRange } from "./trends-sql";

/**
 * Trends over raw events, one definition for both engines (`trends-sql.ts`): the chosen events per
 * hour, day or week (UTC; weeks Monday to Sunday), as total events or distinct clients, sessions or
 * users, optionally split by a property into its top ten values and "other", against the period of
 * the same length just before (aligned point by point). The point holding "now" is partial and
 * points after it have no value, so today never reads as a drop to zero.
 */

type Row = { ev: string; bv: string | null; other: number; cur: number; k: number; n: number };

function listBuckets(r: TrendRange, now: number): TrendBucket[] {
  const len = r.seconds * 1000;
  return Array.from({ length: r.buckets }, (_, k) => {
    const begins = r.fromMs + k * len;
    const state = now >= begins + len ? "complete" : now >= begins ? "partial" : "future";
    return {
      offset: k,
      start: new Date(begins).toISOString(),
      previousStart: new Date(r.previousFromMs + k * len).toISOString(),
      state,
    };
  });
}

/** Lays the counted rows out as one series per event and breakdown value, with totals and change. */
export function shapeTrends(
  q: TrendsQuery,
  rows: readonly Row[],
  now: number,
): Pick<TrendsResult, "buckets" | "series"> {
  const r = computeTrendRange(q);
  const buckets = listBuckets(r, now);
  const len = r.seconds * 1000;
  const byKey = new Map<string, TrendSeries>();
  const seriesOf = (ev: string, value: string | null, other: boolean) => {
    const key = JSON.stringify([ev, value, other]);
    let s = byKey.get(key);
    if (!s) {
      s = {
        event: ev,
        value,
        other,
        current: buckets.map((b) => (b.state === "future" ? null : 0)),
        previous: q.compare ? buckets.map((_, k) => (now >= r.previousFromMs + k * len ? 0 : null)) : null,
        total: 0,
        previousTotal: q.compare ? 0 : null,
        change: null,
      };
      byKey.set(key, s);
    }
    return s;
  };
  if (!q.breakdown) for (const ev of q.events) seriesOf(ev, null, false);
  for (const row of rows) {
    const s = seriesOf(row.ev, row.bv, Number(row.other) === 1);
    const n = Number(row.n);
    const list = Number(row.cur) === 1 ? s.current : s.previous;
    if (Number(row.k) === -1) {
      if (Number(row.cur) === 1) s.total = n;
      else s.previousTotal = n;
    } else if (list && list[Number(row.k)] !== null) list[Number(row.k)] = n;
  }
  const series = [...byKey.values()];
  for (const s of series) s.change = s.previousTotal ? (s.total - s.previousTotal) / s.previousTotal : null;
  const eventOrder = (s: TrendSeries) => q.events.indexOf(s.event);
  series.sort(
    (a, b) =>
      eventOrder(a) - eventOrder(b) ||
      Number(a.other) - Number(b.other) ||
      b.total - a.total ||
      (a.value ?? "").localeCompare(b.value ?? ""),
  );
  return { buckets, series };
}

/** The trend lines and totals, from the columnar copy or the warehouse (see `runEventReport`). */
export async function computeTrends(
  db: Database,
  q: TrendsQuery,
  opts: { lake?: EventLakeQuery; now?: number } = {},
): Promise<TrendsResult> {
  const r = computeTrendRange(q);
  const scanFrom = q.compare ? r.previousFromMs : r.fromMs;
  const { rows, explain } = await runEventReport<Row>({
    db,
    lake: opts.lake,
    path: q.path,
    scan: { from: new Date(scanFrom).toISOString(), to: new Date(r.toMs).toISOString() },
    name: "The trend",
    build: (events, p) => buildTrendsSql(q, events, p),
  });
  return {
    interval: q.interval,
    measure: q.measure,
    breakdown: q.breakdown ?? null,
    from: toDay(r.fromMs),
    to: toDay(r.toMs - DAY_MS),
    previous: q.compare ? { from: toDay(r.previousFromMs), to: toDay(r.fromMs - DAY_MS) } : null,
    ...shapeTrends(q, rows, opts.now ?? Date.now()),
    explain,
  };
}
