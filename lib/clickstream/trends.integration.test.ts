import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TrendsQuery, type TrendsQueryInput, type TrendsResult } from "@/lib/schemas/trends";
import { expectSameAnswer } from "@/test/support/both-engines";
import { DB_TARGETS } from "@/test/support/databases";
import {
  cat,
  D,
  D0,
  type LoadedEvents,
  loadEvents,
  P0,
  TRENDS_NOW,
  trendsEvents,
  trendsLate,
  W,
} from "@/test/support/retention-events";
import { getTrends } from "./get-trends";
import { computeTrends } from "./trends";

/*
 * The hand-built trend events of test/support/retention-events.ts, loaded by the ETL into the
 * warehouse and its columnar copy: every trend must come out the same from Postgres and DuckDB,
 * with the figures worked out by hand next to the events.
 */
describe.each(DB_TARGETS)("trends on the warehouse = on the columnar copy, on $name", (target) => {
  let loaded: LoadedEvents;
  beforeAll(async () => {
    loaded = await loadEvents(target, trendsEvents, D0 + 6 * D);
  });
  afterAll(async () => {
    await loaded?.close();
  });

  const q = (over: Partial<TrendsQueryInput> = {}) =>
    TrendsQuery.parse({ events: ["page_view"], from: "2026-11-02", to: "2026-11-08", ...over });
  /** The same trend from Postgres and from the columnar copy: identical answers. */
  const both = async (input: TrendsQuery, now = TRENDS_NOW): Promise<TrendsResult> => {
    const pg = await computeTrends(loaded.db, { ...input, path: "warehouse" }, { lake: loaded.lake, now });
    const duck = await computeTrends(loaded.db, { ...input, path: "columnar" }, { lake: loaded.lake, now });
    return expectSameAnswer(pg, duck);
  };
  const totals = (r: TrendsResult) => r.series.map((s) => [s.value, s.total, s.previousTotal, s.change]);

  test("daily events against the previous seven days; today partial, the days after it without a value", async () => {
    const r = await both(q());
    expect(r.buckets.map((b) => b.state)).toEqual([
      "complete",
      "complete",
      "complete",
      "partial",
      "future",
      "future",
      "future",
    ]);
    expect(r.buckets[1]).toMatchObject({
      start: "2026-11-03T00:00:00.000Z",
      previousStart: "2026-10-27T00:00:00.000Z",
    });
    expect(r.previous).toEqual({ from: "2026-10-26", to: "2026-11-01" });
    const [pv] = r.series;
    expect(pv?.current).toEqual([3, 0, 2, 1, null, null, null]);
    expect(pv?.previous).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect([pv?.total, pv?.previousTotal, pv?.change]).toEqual([6, 2, 2]);
  });

  test("a late page view in a later object is counted on its own day", async () => {
    await loaded.loadLate(trendsLate);
    const [pv] = (await both(q())).series;
    expect(pv?.current).toEqual([3, 0, 3, 1, null, null, null]);
    expect([pv?.total, pv?.change]).toEqual([7, 2.5]);
  });

  test("distinct clients, sessions and users are distinct over the range, not summed per day", async () => {
    const clients = (await both(q({ measure: "clients" }))).series[0];
    expect(clients?.current).toEqual([2, 0, 2, 1, null, null, null]);
    expect([clients?.total, clients?.previousTotal, clients?.change]).toEqual([3, 2, 0.5]);
    expect((await both(q({ measure: "sessions" }))).series[0]?.total).toBe(5);
    const users = (await both(q({ measure: "users" }))).series[0];
    expect([users?.total, users?.previousTotal, users?.change]).toEqual([2, 1, 1]);
  });

  test("several events, hourly and weekly intervals, and no comparison", async () => {
    const two = await both(q({ events: ["page_view", "add_to_cart"] }));
    expect(two.series.map((s) => [s.event, s.total, s.previousTotal, s.change])).toEqual([
      ["page_view", 7, 2, 2.5],
      ["add_to_cart", 1, 0, null],
    ]);
    expect(two.series[1]?.current).toEqual([0, 0, 1, 0, null, null, null]);
    const hourly = await both(q({ interval: "hour", to: "2026-11-02" }));
    expect(hourly.buckets).toHaveLength(24);
    const perHour = hourly.series[0]?.current ?? [];
    expect(perHour.flatMap((n, h) => (n ? [[h, n]] : []))).toEqual([
      [10, 2],
      [23, 1],
    ]);
    expect([hourly.series[0]?.previousTotal, hourly.series[0]?.change]).toEqual([0, null]);
    const weekly = await both(q({ interval: "week", from: "2026-11-04", to: "2026-11-05" }));
    expect([weekly.from, weekly.to, weekly.previous]).toEqual([
      "2026-11-02",
      "2026-11-08",
      { from: "2026-10-26", to: "2026-11-01" },
    ]);
    expect(weekly.buckets.map((b) => b.state)).toEqual(["partial"]);
    expect([weekly.series[0]?.current, weekly.series[0]?.previous]).toEqual([[7], [2]]);
    const alone = await both(q({ compare: false }));
    expect([
      alone.previous,
      alone.series[0]?.previous,
      alone.series[0]?.previousTotal,
      alone.series[0]?.change,
    ]).toEqual([null, null, null, null]);
    expect(alone.series[0]?.total).toBe(7);
  });

  test("a breakdown keeps the top ten values and counts the rest as other, in both periods", async () => {
    const r = await both(q({ events: ["product_view"], breakdown: "category" }));
    expect(totals(r)).toEqual([
      [cat(1), 12, 4, 2],
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [cat(n), 13 - n, 0, null]),
      [null, 3, 20, -0.85],
    ]);
    expect(r.series.at(-1)?.other).toBe(true);
    expect(r.series[0]?.current).toEqual([0, 12, 0, 0, null, null, null]);
    expect(r.series.at(-1)?.previous).toEqual([0, 20, 0, 0, 0, 0, 0]);
    // Other's clients: x1 and x2, once each, though x1 viewed both cat11 and cat12.
    const clients = await both(q({ events: ["product_view"], breakdown: "category", measure: "clients" }));
    expect(clients.series.at(-1)?.total).toBe(2);
  });

  test("a breakdown by referring domain", async () => {
    const r = await both(q({ breakdown: "referrer_domain" }));
    expect(totals(r)).toEqual([
      ["www.example.com", 4, 1, 3],
      ["news.site", 2, 0, null],
      ["(none)", 1, 1, 0],
    ]);
  });

  test("auto reads the columnar copy when complete; only admins may read trends", async () => {
    const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
    const ctx = { db: loaded.db, principal: admin, eventLake: loaded.lake };
    const auto = await getTrends({ ctx, input: q() });
    expect(auto.explain.path).toBe("columnar");
    expect(auto.explain.reason).toMatch(/DuckDB/);
    const analyst = { id: "b", email: "analyst@sightline.local", roles: ["analysts" as const] };
    await expect(getTrends({ ctx: { ...ctx, principal: analyst }, input: q() })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  test("unique people merge a browser with the account it later signs in to", async () => {
    const from = new Date(P0).toISOString().slice(0, 10);
    const to = new Date(P0 + 3 * W - D).toISOString().slice(0, 10);
    const at = async (measure: TrendsQuery["measure"]) => {
      const [s] = (await both(q({ interval: "week", from, to, measure, compare: false }))).series;
      return [s?.current, s?.total];
    };
    expect(await at("persons")).toEqual([[1, 1, 1], 1]);
    expect(await at("users")).toEqual([[0, 1, 1], 1]);
    expect(await at("clients")).toEqual([[1, 1, 1], 2]);
  });
});
