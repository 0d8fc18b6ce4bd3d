import { describe, expect, test } from "vitest";
import { FunnelQuery, type FunnelQueryInput } from "@/lib/schemas/funnel";
import { findCubePreset } from "./funnel-cube";
import { computeScanRange, getRollupIneligibility } from "./funnel-query";

const q = (over: Partial<FunnelQueryInput> = {}) =>
  FunnelQuery.parse({
    steps: [{ event: "page_view" }, { event: "purchase" }],
    windowMinutes: 30,
    from: "2026-11-20T00:00:00.000Z",
    to: "2026-11-21T00:00:00.000Z",
    ...over,
  });

describe("getRollupIneligibility", () => {
  test("standard or filtered steps by session, sequential or any order: the rollup answers", () => {
    expect(getRollupIneligibility(q())).toBeNull();
    expect(
      getRollupIneligibility(q({ order: "any", steps: [{ event: "page_view" }, { event: "x", brand: "b" }] })),
    ).toBeNull();
  });
  test("says why the rollup cannot answer", () => {
    expect(getRollupIneligibility(q({ path: "raw" }))).toBe("raw path requested");
    expect(getRollupIneligibility(q({ unit: "user" }))).toBe("the rollup is per session; this funnel counts by user");
    expect(getRollupIneligibility(q({ order: "strict" }))).toBe("strict order needs the events in between");
    expect(getRollupIneligibility(q({ sameProduct: true }))).toBe("same-product funnels need each product's events");
    expect(getRollupIneligibility(q({ steps: [{ event: "page_view" }, { event: "page_view" }] }))).toBe(
      "a repeated step needs its second occurrence",
    );
  });
});

describe("what only raw events answer", () => {
  const standard = ["page_view", "product_view", "add_to_cart", "checkout_start", "purchase"].map((event) => ({
    event,
  }));
  const cases: [string, Partial<FunnelQueryInput>, string][] = [
    ["person", { unit: "person" }, "counting by person merges browsers with the accounts they sign in to"],
    [
      "an exclusion",
      { exclusions: [{ event: "remove_from_cart", fromStep: 1, toStep: 2 }] },
      "exclusions need the events between the steps",
    ],
    [
      "a time limit between steps",
      { steps: [{ event: "page_view" }, { event: "product_view", maxMinutesFromPrevious: 5 }, ...standard.slice(2)] },
      "time limits between steps need each step's own time",
    ],
    ["a breakdown", { breakdown: "category" }, "a breakdown takes its value from the events matched as steps"],
    [
      "last-touch attribution",
      { breakdown: "brand", attribution: "last" },
      "a breakdown takes its value from the events matched as steps",
    ],
  ];
  test.each(cases)("%s: the rollup and the cube refuse, saying why", (_, over, reason) => {
    const query = q({ steps: standard, ...over });
    expect(getRollupIneligibility(query)).toBe(reason);
    expect(findCubePreset(query)).toBeNull();
  });
  test("the standard funnel without them is the cube's; more than eight steps only raw events count", () => {
    expect(findCubePreset(q({ steps: standard }))?.id).toBe("purchase:30m:sequential");
    const nine = Array.from({ length: 9 }, (_, i) => ({ event: i % 2 ? "page_view" : "product_view", brand: `b${i}` }));
    expect(getRollupIneligibility(q({ steps: nine }))).toBe("the rollup answers funnels of up to 8 steps");
  });
});

describe("computeScanRange", () => {
  test("sessions: a day either side (any order: at least the window before)", () => {
    expect(computeScanRange(q())).toEqual({ from: "2026-11-19T00:00:00.000Z", to: "2026-11-22T00:00:00.000Z" });
    expect(computeScanRange(q({ order: "any", windowMinutes: 2 * 1440 }))).toEqual({
      from: "2026-11-18T00:00:00.000Z",
      to: "2026-11-23T00:00:00.000Z",
    });
  });
  test("clients and users: the window after, and before only in any order", () => {
    expect(computeScanRange(q({ unit: "client" }))).toEqual({
      from: "2026-11-20T00:00:00.000Z",
      to: "2026-11-21T00:30:00.000Z",
    });
    expect(computeScanRange(q({ unit: "user", order: "any" }))).toEqual({
      from: "2026-11-19T23:30:00.000Z",
      to: "2026-11-21T00:30:00.000Z",
    });
  });
});
