import { describe, expect, test } from "vitest";
import { FunnelQuery, type FunnelQueryInput } from "./funnel";
import { describeAllIssues } from "./issue-sentences";

const base: FunnelQueryInput = {
  steps: [{ event: "page_view" }, { event: "product_view" }, { event: "purchase" }],
  windowMinutes: 60,
  from: "2026-11-10T00:00:00Z",
  to: "2026-11-11T00:00:00Z",
};

/** What people read when the query is refused. */
const refusal = (over: Partial<FunnelQueryInput>) => {
  const r = FunnelQuery.safeParse({ ...base, ...over });
  if (r.success) throw new Error("expected the query to be refused");
  return describeAllIssues(r.error.issues);
};

describe("FunnelQuery", () => {
  test("defaults: first-touch attribution and no exclusions; every new field is kept when valid", () => {
    const plain = FunnelQuery.parse(base);
    expect(plain.attribution).toBe("first");
    expect(plain.exclusions).toEqual([]);
    const full = FunnelQuery.parse({
      ...base,
      steps: [{ event: "page_view" }, { event: "product_view", minMinutesFromPrevious: 1, maxMinutesFromPrevious: 5 }],
      exclusions: [{ event: "remove_from_cart", category: "shoes", fromStep: 1, toStep: 2 }],
      unit: "person",
      breakdown: "category",
      attribution: "step",
      attributionStep: 2,
    });
    expect(full.steps[1]).toEqual({ event: "product_view", minMinutesFromPrevious: 1, maxMinutesFromPrevious: 5 });
    expect(full.exclusions[0]?.toStep).toBe(2);
    expect(full.unit).toBe("person");
  });

  test("up to 32 steps", () => {
    const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ event: `step_${i}` }));
    expect(FunnelQuery.parse({ ...base, steps: steps(32) }).steps).toHaveLength(32);
    expect(refusal({ steps: steps(33) })).toBe("Steps must be at most 32 items.");
    expect(refusal({ steps: steps(1) })).toBe("Choose at least 2 items for steps.");
  });

  test("time limits between steps are refused in words: on step 1, or a shortest time over the longest", () => {
    expect(refusal({ steps: [{ event: "page_view", maxMinutesFromPrevious: 5 }, { event: "purchase" }] })).toBe(
      "Step 1 has no previous step, so it cannot have a longest time from one.",
    );
    expect(
      refusal({
        steps: [{ event: "page_view" }, { event: "purchase", minMinutesFromPrevious: 10, maxMinutesFromPrevious: 5 }],
      }),
    ).toBe("The shortest time from the previous step cannot be longer than the longest.");
    expect(refusal({ steps: [{ event: "page_view" }, { event: "purchase", minMinutesFromPrevious: -1 }] })).toBe(
      "A time between steps cannot be negative.",
    );
  });

  test("an exclusion must lie between two steps of the funnel; at most eight", () => {
    expect(refusal({ exclusions: [{ event: "remove_from_cart", fromStep: 2, toStep: 2 }] })).toBe(
      "Exclusion 1 must start at an earlier step than it ends (step 2 to step 2).",
    );
    expect(refusal({ exclusions: [{ event: "remove_from_cart", fromStep: 1, toStep: 4 }] })).toBe(
      "Exclusion 1 ends at step 4, but the funnel has 3 steps.",
    );
    expect(refusal({ exclusions: [{ event: " ", fromStep: 1, toStep: 2 }] })).toBe(
      "Choose the event an exclusion leaves out.",
    );
    const many = Array.from({ length: 9 }, () => ({ event: "remove_from_cart", fromStep: 1, toStep: 2 }));
    expect(refusal({ exclusions: many })).toBe("Exclusions must be at most 8 items.");
  });

  test("attribution to a step names a step of the funnel", () => {
    expect(refusal({ breakdown: "category", attribution: "step" })).toBe(
      "Choose which step gives the breakdown value.",
    );
    expect(refusal({ breakdown: "category", attribution: "step", attributionStep: 5 })).toBe(
      "The breakdown comes from step 5, but the funnel has 3 steps.",
    );
  });
});
