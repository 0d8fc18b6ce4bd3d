import { describe, expect, test } from "vitest";
import { FunnelQuery } from "@/lib/schemas/funnel";
import { summariseFunnel } from "./funnel-summary";

const q = FunnelQuery.parse({
  steps: [{ event: "product_view" }, { event: "add_to_cart" }, { event: "purchase" }],
  windowMinutes: 60,
  from: "2026-11-20T00:00:00Z",
  to: "2026-11-22T00:00:00Z",
});

describe("summariseFunnel", () => {
  const levels = [
    { lvl: 1, value: "shoes", day: "2026-11-21", n: 6, pv: 30 },
    { lvl: 2, value: "hats", day: "2026-11-20", n: 3, pv: 12 },
    { lvl: 3, value: "shoes", day: "2026-11-20", n: 1, pv: 5 },
  ];
  const times = [
    { k: 2, sec: 10, n: 2 },
    { k: 2, sec: 400, n: 2 },
    { k: 3, sec: 4000, n: 1 },
  ];
  const s = summariseFunnel(q, levels, times);

  test("counts, conversion, drop-off and revenue lost per step", () => {
    expect(s.steps.map((x) => [x.count, x.conversion, x.dropOff, x.revenueLost])).toEqual([
      [10, 1, 6, 30],
      [4, 0.4, 3, 12],
      [1, 0.1, 0, 0],
    ]);
    expect(s.steps[1]?.fromPrevious).toBe(0.4);
    expect(s.steps[1]?.dropOffRate).toBe(0.75);
  });

  test("median seconds from step 1 (none for step 1)", () => {
    expect(s.steps.map((x) => x.medianSeconds)).toEqual([null, 10, 4000]);
  });

  test("breakdown largest first, days in order, time to convert in buckets", () => {
    expect(s.breakdown).toEqual([
      { value: "shoes", counts: [7, 1, 1] },
      { value: "hats", counts: [3, 3, 0] },
    ]);
    expect(s.overTime).toEqual([
      { day: "2026-11-20", entrants: 4, converted: 1 },
      { day: "2026-11-21", entrants: 6, converted: 0 },
    ]);
    expect(s.timeToConvert.find((b) => b.count > 0)).toEqual({ bucket: "1–6 h", count: 1 });
  });

  test("nothing counted: zeros, no medians", () => {
    const empty = summariseFunnel(q, [], []);
    expect(empty.steps.map((x) => [x.count, x.conversion, x.medianSeconds])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
    expect(empty.breakdown).toEqual([]);
  });
});
