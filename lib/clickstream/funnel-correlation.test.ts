import { describe, expect, test } from "vitest";
import { FunnelCorrelationQuery } from "@/lib/schemas/funnel-correlation";
import { computeOddsRatio, rankCorrelations } from "./funnel-correlation";

const funnel = {
  steps: [{ event: "product_view" }, { event: "purchase" }],
  windowMinutes: 60,
  from: "2026-11-12T00:00:00Z",
  to: "2026-11-13T00:00:00Z",
};

describe("odds ratio with +½ (Haldane–Anscombe) correction", () => {
  test("((s+½)(F−f+½)) / ((S−s+½)(f+½))", () => {
    expect(computeOddsRatio(3, 4, 0, 6)).toBeCloseTo(91 / 3, 12);
    expect(computeOddsRatio(1, 4, 4, 6)).toBeCloseTo(1 / 4.2, 12);
    expect(computeOddsRatio(4, 4, 0, 6)).toBe(117);
    // No converter had it, some non-converters did: it goes with dropping out, however small the groups.
    expect(computeOddsRatio(0, 18, 9, 282)).toBeLessThan(1);
    // An item everyone had, or nobody: finite, and no correlation when the groups are alike.
    expect(computeOddsRatio(5, 5, 5, 5)).toBe(1);
    expect(computeOddsRatio(0, 10, 0, 10)).toBe(1);
  });

  test("ranked by strength whichever the side, ties by name then value; ratio 1 left out; at most 20", () => {
    const totals = { converters: 4, nonConverters: 6 };
    const ranked = rankCorrelations(
      [
        { name: "share", value: "", s: 1, f: 2 },
        { name: "help", value: "", s: 1, f: 4 },
        { name: "coupon", value: "", s: 3, f: 0 },
        { name: "even", value: "", s: 2, f: 3 }, // (3·4)/(3·4) = 1
      ],
      totals,
      true,
    );
    expect(ranked.map((i) => [i.name, i.value, i.correlation])).toEqual([
      ["coupon", null, "success"],
      ["help", null, "failure"],
      ["share", null, "failure"],
    ]);
    const ties = rankCorrelations(
      [
        { name: "category", value: "shoes", s: 3, f: 2 },
        { name: "category", value: "bags", s: 1, f: 4 },
      ],
      totals,
      false,
    );
    expect(ties.map((i) => i.value)).toEqual(["bags", "shoes"]);
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `e${i}`, value: "", s: 3, f: 0 }));
    expect(rankCorrelations(many, totals, true)).toHaveLength(20);
  });
});

describe("correlation query", () => {
  test("defaults to a threshold of 3 units", () => {
    expect(FunnelCorrelationQuery.parse({ funnel }).minUnits).toBe(3);
  });

  test("says in words what is wrong with the threshold", () => {
    const message = (minUnits: unknown) =>
      FunnelCorrelationQuery.safeParse({ funnel, minUnits }).error?.issues.map((i) => i.message);
    expect(message(0)).toEqual(["The minimum number of units is at least 1"]);
    expect(message(2.5)).toEqual(["The minimum number of units must be a whole number"]);
    expect(message(20_000)).toEqual(["The minimum number of units is at most 10,000"]);
  });

  test("the funnel is checked as the funnel page checks it", () => {
    const r = FunnelCorrelationQuery.safeParse({ funnel: { ...funnel, steps: [{ event: "product_view" }] } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["funnel", "steps"]);
  });
});
