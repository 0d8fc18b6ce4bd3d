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
  patchFunnelStep,
  readFunnelForm,
  readFunnelFormSearch,
} from "./funnel-form";

const NOW = Date.parse("2026-03-10T15:30:00Z");

const edited: FunnelForm = {
  ...createDefaultFunnelForm(NOW),
  steps: [
    { event: "product_view", category: "shoes", brand: "Äsics ✓" },
    { event: "add_to_cart", loginState: "guest", firstVisit: false },
    { event: "purchase", productId: "p-1" },
  ],
  window: 3,
  windowUnit: "days",
  order: "strict",
  unit: "client",
  sameProduct: true,
  breakdown: "category",
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

  test("no breakdown leaves the field out", () => {
    expect(buildFunnelQuery(createDefaultFunnelForm(NOW))).not.toHaveProperty("breakdown");
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
