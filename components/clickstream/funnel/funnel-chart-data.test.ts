import { describe, expect, test } from "vitest";
import type { FunnelResult, FunnelStepResult } from "@/lib/schemas/funnel";
import { breakdownBars, MAX_SERIES, stepBars } from "./funnel-chart-data";

const step = (n: number, event: string, count: number, first: number, next: number | null): FunnelStepResult => ({
  step: n,
  event,
  count,
  conversion: count / first,
  fromPrevious: 1,
  dropOff: next === null ? 0 : count - next,
  dropOffRate: next === null ? 0 : (count - next) / count,
  revenueLost: 0,
  medianSeconds: null,
});
const steps = [
  step(1, "page_view", 200, 200, 80),
  step(2, "add_to_cart", 80, 200, 20),
  step(3, "purchase", 20, 200, null),
];

describe("funnel chart data", () => {
  test("each bar carries its conversion of step 1 and its drop-off to the next step; the last has none", () => {
    expect(stepBars(steps)).toEqual([
      { name: "1. page_view", units: 200, conversion: "100.0%", dropOff: "−120 (60.0%)" },
      { name: "2. add_to_cart", units: 80, conversion: "40.0%", dropOff: "−60 (75.0%)" },
      { name: "3. purchase", units: 20, conversion: "10.0%", dropOff: "" },
    ]);
  });

  test("the breakdown becomes one series per value, largest first, each with its own conversion", () => {
    const r = {
      steps,
      breakdown: [
        { value: "bags", counts: [50, 10, 5] },
        { value: "shoes", counts: [150, 70, 15] },
        { value: null, counts: [0, 0, 0] },
      ],
    } as unknown as FunnelResult;
    const { data, series } = breakdownBars(r);
    expect(series).toEqual([
      { key: "s0", label: "shoes" },
      { key: "s1", label: "bags" },
      { key: "s2", label: "(none)" },
    ]);
    expect(data[2]).toEqual({ name: "3. purchase", s0: 15, s0_pct: "10%", s1: 5, s1_pct: "10%", s2: 0, s2_pct: "—" });
  });

  test("values beyond the first few are added up as 'other'", () => {
    const breakdown = Array.from({ length: MAX_SERIES + 2 }, (_, i) => ({ value: `v${i}`, counts: [10 + i, 1, 1] }));
    const { data, series } = breakdownBars({ steps, breakdown } as unknown as FunnelResult);
    expect(series).toHaveLength(MAX_SERIES + 1);
    expect(series.at(-1)?.label).toBe("other (2 values)");
    expect(data[0]?.[`s${MAX_SERIES}`]).toBe(10 + 11);
  });
});
