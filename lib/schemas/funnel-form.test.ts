import { describe, expect, test } from "vitest";
import { FunnelQuery } from "./funnel";
import {
  applyStandardFunnel,
  buildFunnelFormSearch,
  buildFunnelQuery,
  createDefaultFunnelForm,
  decodeFunnelForm,
  encodeFunnelForm,
  FUNNEL_FORM_PARAM,
  type FunnelForm,
  patchFunnelExclusion,
  patchFunnelStep,
  readFunnelForm,
  readFunnelFormSearch,
  removeFunnelStep,
} from "./funnel-form";

const NOW = Date.parse("2026-03-10T15:30:00Z");

const edited: FunnelForm = {
  ...createDefaultFunnelForm(NOW),
  steps: [
    { event: "product_view", category: "shoes", brand: "Äsics ✓" },
    { event: "add_to_cart", loginState: "guest", firstVisit: false, maxMinutesFromPrevious: 30 },
    { event: "purchase", productId: "p-1", minMinutesFromPrevious: 1, maxMinutesFromPrevious: 120 },
  ],
  window: 3,
  windowUnit: "days",
  order: "strict",
  unit: "client",
  sameProduct: true,
  breakdown: "category",
  attribution: "step",
  attributionStep: 2,
  exclusions: [
    { event: "remove_from_cart", category: "Schuhe ✓", fromStep: 2, toStep: 3 },
    { event: "page_view", fromStep: 1, toStep: 3 },
  ],
};

describe("createDefaultFunnelForm", () => {
  test("covers the seven UTC days up to today with four steps in an hour", () => {
    const f = createDefaultFunnelForm(NOW);
    expect(f.from).toBe("2026-03-04");
    expect(f.to).toBe("2026-03-10");
    expect(f.steps.map((s) => s.event)).toEqual(["page_view", "product_view", "add_to_cart", "purchase"]);
    expect(buildFunnelQuery(f).windowMinutes).toBe(60);
  });
});

describe("funnel form in the URL", () => {
  test("a form survives a round trip through the page URL, non-ASCII filters included", () => {
    const url = new URL(`https://example.test/clickstream/funnels?${buildFunnelFormSearch(edited)}`);
    const f = url.searchParams.get(FUNNEL_FORM_PARAM);
    expect(readFunnelFormSearch(f, NOW)).toEqual(edited);
  });

  test("a bad value falls back to the defaults", () => {
    expect(decodeFunnelForm("not base64 !!", NOW)).toBeNull();
    expect(decodeFunnelForm(btoa("{not json"), NOW)).toBeNull();
    expect(readFunnelFormSearch("%%%", NOW)).toEqual(createDefaultFunnelForm(NOW));
    expect(readFunnelFormSearch(null, NOW)).toEqual(createDefaultFunnelForm(NOW));
  });

  test("fields missing from an encoded form are filled from the defaults", () => {
    const partial = encodeFunnelForm({ window: 5 } as unknown as FunnelForm);
    expect(decodeFunnelForm(partial, NOW)).toEqual({ ...createDefaultFunnelForm(NOW), window: 5 });
  });
});

describe("buildFunnelQuery / readFunnelForm", () => {
  test("the query is valid and covers whole days with `to` inclusive", () => {
    const q = buildFunnelQuery(edited);
    expect(q).toMatchObject({
      windowMinutes: 3 * 1440,
      from: "2026-03-04T00:00:00.000Z",
      to: "2026-03-11T00:00:00.000Z",
      breakdown: "category",
    });
    expect(FunnelQuery.safeParse(q).success).toBe(true);
  });

  test("no breakdown leaves the field out, and its attribution with it", () => {
    expect(buildFunnelQuery(createDefaultFunnelForm(NOW))).not.toHaveProperty("breakdown");
    const q = buildFunnelQuery({ ...edited, breakdown: "" });
    expect(q).not.toHaveProperty("attribution");
    expect(q).not.toHaveProperty("attributionStep");
    expect(FunnelQuery.parse(q).attribution).toBe("first");
  });

  test("exclusions, attribution and time between steps reach the query", () => {
    const q = FunnelQuery.parse(buildFunnelQuery(edited));
    expect(q.exclusions).toEqual(edited.exclusions);
    expect(q).toMatchObject({ attribution: "step", attributionStep: 2 });
    expect(q.steps[2]).toMatchObject({ minMinutesFromPrevious: 1, maxMinutesFromPrevious: 120 });
    expect(buildFunnelQuery({ ...edited, attribution: "last" })).not.toHaveProperty("attributionStep");
  });

  test("a saved definition reads back into the same form", () => {
    expect(readFunnelForm(buildFunnelQuery(edited))).toEqual(edited);
  });

  test("the window is shown in the largest unit that divides it", () => {
    const base = buildFunnelQuery(edited);
    expect(readFunnelForm({ ...base, windowMinutes: 90 })).toMatchObject({ window: 90, windowUnit: "minutes" });
    expect(readFunnelForm({ ...base, windowMinutes: 120 })).toMatchObject({ window: 2, windowUnit: "hours" });
  });

  test("defaults apply to a definition without order, unit, sameProduct or breakdown", () => {
    const { order: _o, unit: _u, sameProduct: _s, breakdown: _b, ...bare } = buildFunnelQuery(edited);
    expect(readFunnelForm(bare)).toMatchObject({ order: "sequential", unit: "session", sameProduct: false });
    expect(readFunnelForm(bare).breakdown).toBe("");
  });
});

describe("patchFunnelStep", () => {
  test("emptied filters are dropped", () => {
    expect(patchFunnelStep({ event: "purchase", brand: "x" }, { brand: "", firstVisit: undefined })).toEqual({
      event: "purchase",
    });
    expect(patchFunnelStep({ event: "purchase" }, { category: "shoes" })).toEqual({
      event: "purchase",
      category: "shoes",
    });
  });
});

describe("patchFunnelExclusion / removeFunnelStep", () => {
  test("an exclusion's emptied filter is dropped", () => {
    const x = { event: "page_view", brand: "x", fromStep: 1, toStep: 2 };
    expect(patchFunnelExclusion(x, { brand: "" })).toEqual({ event: "page_view", fromStep: 1, toStep: 2 });
  });

  test("removing a step moves later exclusions down, drops those left without two steps, keeps the attributed step in range", () => {
    const f = removeFunnelStep(edited, 0);
    expect(f.steps.map((s) => s.event)).toEqual(["add_to_cart", "purchase"]);
    // 2→3 becomes 1→2; 1→3 becomes 1→2 too (its first step went, the next one takes its place).
    expect(f.exclusions.map((x) => [x.fromStep, x.toStep])).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(f.attributionStep).toBe(1);
    const last = removeFunnelStep(edited, 2);
    expect(last.exclusions).toEqual([]);
    expect(last.attributionStep).toBe(2);
  });
});

describe("applyStandardFunnel", () => {
  test("sets the standard steps and shape but keeps range, breakdown and an any-order choice", () => {
    const f = applyStandardFunnel({ ...edited, order: "any" });
    expect(f.steps.map((s) => s.event)).toEqual([
      "page_view",
      "product_view",
      "add_to_cart",
      "checkout_start",
      "purchase",
    ]);
    expect(f).toMatchObject({ window: 1, windowUnit: "hours", order: "any", unit: "session", sameProduct: false });
    expect(f).toMatchObject({ from: edited.from, to: edited.to, breakdown: "category" });
    expect(applyStandardFunnel(edited).order).toBe("sequential");
  });
});
