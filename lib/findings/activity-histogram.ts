import type { ActivityHistogram } from "@/lib/schemas/activity";
import type { ActivityResultRow } from "./activity-page";
import type { Window } from "./lake-window";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Bucket widths people read easily, narrowest first. */
const WIDTHS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY];
/** At most this many bars: enough to see a burst, few enough to read on a phone. */
export const MAX_BUCKETS = 60;

/** The narrowest readable bucket width that covers the window in at most `MAX_BUCKETS` bars. */
export function bucketWidth(win: Window): number {
  const span = Math.max(0, Date.parse(win.to) - Date.parse(win.from));
  return WIDTHS.find((w) => Math.floor(span / w) + 1 <= MAX_BUCKETS) ?? (WIDTHS.at(-1) as number);
}

/**
 * Every bucket of the window in order, empty ones included (the query returns only buckets that have
 * events), and the number of events counted.
 */
export function histogramOf(
  rows: readonly ActivityResultRow[],
  win: Window,
  bucketMs: number,
): { histogram: ActivityHistogram; total: number } {
  const counts = new Map<number, number>();
  let total = 0;
  for (const r of rows) {
    if (r.kind !== "bucket") continue;
    const n = Number(r.n);
    counts.set(Number(r.value), n);
    total += n;
  }
  const first = Math.floor(Date.parse(win.from) / bucketMs) * bucketMs;
  const last = Math.floor(Date.parse(win.to) / bucketMs) * bucketMs;
  const buckets: ActivityHistogram["buckets"] = [];
  for (let t = first; t <= last; t += bucketMs)
    buckets.push({ start: new Date(t).toISOString(), count: counts.get(t) ?? 0 });
  return { histogram: { bucketMs, buckets }, total };
}
