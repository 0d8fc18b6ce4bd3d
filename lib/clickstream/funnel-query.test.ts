import { describe, expect, test } from "vitest";
import { FunnelQuery, type FunnelQueryInput } from "@/lib/schemas/funnel";
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
