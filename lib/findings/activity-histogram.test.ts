import { describe, expect, test } from "vitest";
import { bucketWidth, histogramOf, MAX_BUCKETS } from "./activity-histogram";
import type { ActivityResultRow } from "./activity-page";

const HOUR = 3_600_000;
const win = (from: string, to: string) => ({ from, to });
const bucket = (startMs: number, n: number) => ({ kind: "bucket", value: String(startMs), n }) as ActivityResultRow;

describe("bucketWidth", () => {
  test("picks the narrowest readable width that keeps the bars at most MAX_BUCKETS", () => {
    expect(bucketWidth(win("2026-12-01T00:00:00.000Z", "2026-12-08T00:00:00.000Z"))).toBe(3 * HOUR);
    expect(bucketWidth(win("2026-12-01T00:00:00.000Z", "2026-12-01T00:30:00.000Z"))).toBe(60_000);
    expect(bucketWidth(win("2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z"))).toBe(30 * 60_000);
    expect(bucketWidth(win("2025-11-01T00:00:00.000Z", "2026-12-05T00:00:00.000Z"))).toBe(7 * 24 * HOUR);
    const w = win("2026-01-01T00:00:00.000Z", "2026-02-10T13:00:00.000Z");
    expect((Date.parse(w.to) - Date.parse(w.from)) / bucketWidth(w)).toBeLessThanOrEqual(MAX_BUCKETS);
  });
});

describe("histogramOf", () => {
  test("every bucket of the window in order, empty ones as zero, ignoring other rows", () => {
    const from = Date.parse("2026-12-01T00:00:00.000Z");
    const rows = [
      bucket(from + HOUR, 4),
      { kind: "caller", value: "alice", n: 9 } as ActivityResultRow,
      bucket(from + 3 * HOUR, 1),
    ];
    const { histogram, total } = histogramOf(rows, win("2026-12-01T00:10:00.000Z", "2026-12-01T03:20:00.000Z"), HOUR);
    expect(total).toBe(5);
    expect(histogram.bucketMs).toBe(HOUR);
    expect(histogram.buckets).toEqual([
      { start: "2026-12-01T00:00:00.000Z", count: 0 },
      { start: "2026-12-01T01:00:00.000Z", count: 4 },
      { start: "2026-12-01T02:00:00.000Z", count: 0 },
      { start: "2026-12-01T03:00:00.000Z", count: 1 },
    ]);
  });
});
