import { describe, expect, test } from "vitest";
import { ATTRIBUTES, ROLLUP_STEPS } from "./session-rollup";
import { buildRollupParams } from "./warehouse-rollups";
import { COL, COLUMNS, type WarehouseRow } from "./warehouse-rows";

const T = Date.UTC(2026, 10, 20, 9, 30);
const row = (over: Partial<Record<keyof typeof COL, unknown>>): WarehouseRow => {
  const r: WarehouseRow = COLUMNS.map(() => null);
  const base = { id: "00000000-0000-4000-8000-000000000001", ts: T, name: "page_view", client: "c-2", session: "s-1" };
  for (const [k, v] of Object.entries({ ...base, ...over })) r[COL[k as keyof typeof COL]] = v;
  return r;
};

describe("buildRollupParams", () => {
  const rows = [
    row({ name: "product_view", product: "p1", productName: "Shoe", category: "shoes", price: 10, discount: 8 }),
    row({ id: "00000000-0000-4000-8000-000000000002", ts: T - 60_000, client: "c-1", category: "hats" }),
    row({ id: "00000000-0000-4000-8000-000000000003", ts: T + 3_600_000, name: "purchase", product: "p1", price: 10 }),
    row({ id: "00000000-0000-4000-8000-000000000004", session: "s-0", name: "add_to_cart", product: "p1" }),
  ];
  const params = buildRollupParams(rows);
  const attributes = Object.keys(ATTRIBUTES);
  const sessionColumn = (name: string) =>
    params.sessions[4 + ROLLUP_STEPS.indexOf(name as (typeof ROLLUP_STEPS)[number])] as unknown[];

  test("one delta per session, sorted by id: earliest start, smallest client id, event count", () => {
    expect(params.sessions[0]).toEqual(["s-0", "s-1"]);
    expect(params.sessions[1]).toEqual(["c-2", "c-1"]);
    expect(params.sessions[2]).toEqual([new Date(T).toISOString(), new Date(T - 60_000).toISOString()]);
    expect(params.sessions[3]).toEqual([1, 3]);
  });

  test("each rollup step at its first occurrence; the first-seen attribute keeps the earliest event's value", () => {
    expect(sessionColumn("product_view")).toEqual([null, new Date(T).toISOString()]);
    expect(sessionColumn("purchase")).toEqual([null, new Date(T + 3_600_000).toISOString()]);
    const category = params.sessions[4 + ROLLUP_STEPS.length + 2 * attributes.indexOf("category")];
    expect(category).toEqual([null, "hats"]);
  });

  test("events per hour and name", () => {
    const hour = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString();
    expect(params.hourly).toEqual([
      [hour(T), hour(T), hour(T), hour(T + 3_600_000)],
      ["add_to_cart", "page_view", "product_view", "purchase"],
      [1, 1, 1, 1],
    ]);
  });

  test("product-day counters: views, carts, purchases, discounted views and revenue", () => {
    const day = new Date(T).toISOString().slice(0, 10);
    const columns = params.productDaily;
    expect(columns?.map((c) => c[0])).toEqual(["p1", day, "Shoe", "shoes", null, 1, 1, 0, 1, 1, 0, "10.00"]);
  });

  test("no product rows: nothing to merge into the product days", () => {
    expect(buildRollupParams([row({})]).productDaily).toBeNull();
  });
});
