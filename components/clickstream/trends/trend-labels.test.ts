import { expect, test } from "vitest";
import type { TrendSeries } from "@/lib/schemas/trends";
import { bucketLabel, formatChange, seriesLabel } from "./trend-labels";

const series = (over: Partial<TrendSeries>): TrendSeries => ({
  event: "page_view",
  value: null,
  other: false,
  current: [],
  previous: null,
  total: 0,
  previousTotal: null,
  change: null,
  ...over,
});

test("a series is named by its value, with the event when several events are drawn", () => {
  expect(seriesLabel(series({}), false)).toBe("page_view");
  expect(seriesLabel(series({ value: "shoes" }), false)).toBe("shoes");
  expect(seriesLabel(series({ value: "shoes" }), true)).toBe("page_view · shoes");
  expect(seriesLabel(series({ other: true }), false)).toBe("other values");
  expect(seriesLabel(series({ value: "(none)" }), false)).toBe("not set");
});

test("changes read as signed percentages; nothing to compare reads as a dash", () => {
  expect(formatChange(2.5)).toBe("+250%");
  expect(formatChange(-0.85)).toBe("−85%");
  expect(formatChange(0)).toBe("no change");
  expect(formatChange(null)).toBe("—");
});

test("points are labelled by hour, day or week (UTC), this period's or the previous one's", () => {
  const b = {
    offset: 0,
    start: "2026-11-02T10:00:00.000Z",
    previousStart: "2026-10-26T10:00:00.000Z",
    state: "complete",
  } as const;
  expect(bucketLabel(b, "hour")).toBe("11-02 10:00");
  expect(bucketLabel(b, "day")).toBe("11-02");
  expect(bucketLabel(b, "week", true)).toBe("week of 10-26");
});
