import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { OverviewQuery, ProductReportQuery, SessionsQuery, TopPathsQuery } from "@/lib/schemas/clickstream-reports";
import { FunnelQuery, type FunnelQueryInput } from "@/lib/schemas/funnel";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { events, F1, late, line, M, q, RANGE, T } from "@/test/support/funnel-events";
import { getFunnel } from "./get-funnel";
import { getSessionTimeline } from "./get-session-timeline";
import { hourPrefix } from "./ingest";
import { listSessions } from "./list-sessions";
import { listTopPaths } from "./list-top-paths";
import { computeOverview, computeProductReport } from "./reports";
import { runFunnel } from "./run-funnel";
import { runWarehouseEtl } from "./run-warehouse-etl";

describe.each(DB_TARGETS)("funnels on $name", (target) => {
  let db: PgDatabase;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    const raw = new FsObjectStore(tempDir("funnel"));
    await raw.put(`${hourPrefix(T)}1-a.ndjson`, `${events.map((e) => line(e, T + 2 * 60 * M)).join("\n")}\n`);
    await raw.put(
      `${hourPrefix(T + 3 * 60 * M)}2-b.ndjson`,
      `${late.map((e) => line(e, T + 3 * 60 * M)).join("\n")}\n`,
    );
    await runWarehouseEtl({ db, raw, trigger: "test", now: T + 4 * 60 * M });
  });
  afterAll(() => db?.close());

  const both = async (query: FunnelQuery) => {
    const rollup = await runFunnel(db, query);
    const raw = await runFunnel(db, { ...query, path: "raw" });
    expect(rollup.explain.path).toBe("rollup");
    expect(raw.explain.path).toBe("raw");
    const { explain: _a, ...r1 } = rollup;
    const { explain: _b, ...r2 } = raw;
    expect(r1).toEqual(r2);
    return rollup;
  };
  const counts = (r: { steps: { count: number }[] }) => r.steps.map((x) => x.count);

  test("sequential: repeated and out-of-order steps, the window boundary, equal timestamps, a late event — rollup = raw = expected", async () => {
    const r = await both(q({ order: "sequential" }));
    expect(counts(r)).toEqual([6, 5, 2, 1]); // S11a enters (page view only)
    // Product value of the sessions that dropped off: S2 (50) + S3 (80) + S7 (80) after step 2, S4 (80) after step 3.
    expect(r.steps.map((x) => x.revenueLost)).toEqual([0, 210, 80, 0]);
    // Step 1 → 2 took 60, 120, 1800, 0 and 600 s.
    expect(r.steps[1]?.medianSeconds).toBe(120);
  });

  test("any order counts S2's cart-before-view; strict needs each step to be the very next event", async () => {
    expect(counts(await both(q({ order: "any" })))).toEqual([6, 5, 3, 1]);
    const strict = await runFunnel(db, q({ order: "strict" }));
    expect(strict.explain.path).toBe("raw");
    expect(counts(strict)).toEqual([6, 3, 2, 1]);
  });

  test("breakdown by category, first touch: the value on the first step event carrying one, read from raw events", async () => {
    const r = await runFunnel(db, q({ breakdown: "category" }));
    // The rollup keeps a session's first-seen values, not each step event's: raw events answer.
    expect(r.explain.path).toBe("raw");
    expect(r.explain.reason).toMatch(/breakdown/);
    // Page views carry no category; each session's product view does (S2's bags, the rest shoes).
    expect(r.breakdown).toEqual([
      { value: "shoes", counts: [4, 4, 2, 1] },
      { value: "bags", counts: [1, 1, 0, 0] },
      { value: null, counts: [1, 0, 0, 0] }, // S11a never saw a product
    ]);
  });

  test("filtered and non-standard steps: the rollup joined with those steps' events = raw", async () => {
    const shoes = [{ event: "page_view" }, { event: "product_view", category: "shoes" }, ...F1.slice(2)];
    const r = await both(q({ steps: shoes }));
    // S2 viewed bags, so it stops at step 1; the other product viewers saw shoes.
    expect(counts(r)).toEqual([6, 4, 2, 1]);
    expect(r.explain.reason).toMatch(/step 2/);
    expect(r.explain.scanned.from < RANGE.from).toBe(true); // the events are read over the range plus a session's span
    await both(
      q({ steps: [{ event: "product_view", category: "bags" }, { event: "add_to_cart" }], windowMinutes: 60 }),
    );
    await both(
      q({
        steps: [{ event: "page_view" }, { event: "product_view", brand: "North" }, { event: "remove_from_cart" }],
        order: "any",
      }),
    );
    await both(
      q({
        steps: [
          { event: "product_view", category: "shoes" },
          { event: "product_view", category: "bags" },
        ],
      }),
    );
  });

  test("a repeated step counts its second occurrence", async () => {
    const r = await runFunnel(
      db,
      q({ steps: [{ event: "product_view" }, { event: "add_to_cart" }, { event: "product_view" }], windowMinutes: 60 }),
    );
    expect(r.explain.path).toBe("raw");
    expect(counts(r)).toEqual([9, 7, 1]);
  });

  test("same product across steps", async () => {
    const steps = [{ event: "product_view" }, { event: "add_to_cart" }];
    expect(counts(await runFunnel(db, q({ steps, windowMinutes: 60 })))).toEqual([9, 7]);
    expect(counts(await runFunnel(db, q({ steps, windowMinutes: 60, sameProduct: true })))).toEqual([9, 6]);
  });

  test("counting units: session, client, user", async () => {
    const steps = F1.slice(0, 3);
    expect(counts(await both(q({ steps, windowMinutes: 60 })))).toEqual([6, 5, 3]);
    expect(counts(await runFunnel(db, q({ steps, windowMinutes: 60, unit: "client" })))).toEqual([6, 6, 4]);
    expect(counts(await runFunnel(db, q({ steps, windowMinutes: 60, unit: "user" })))).toEqual([1, 1, 1]);
  });

  test("product report and overview agree with the events they summarise", async () => {
    const day = new Date(T).toISOString().slice(0, 10);
    const rows = await computeProductReport(db, ProductReportQuery.parse({ from: day, to: day }));
    const truth = await db.query<{
      product_id: string;
      views: string;
      carts: string;
      purchases: string;
      revenue: string;
    }>(
      `SELECT product_id, count(*) FILTER (WHERE event_name = 'product_view') AS views,
         count(*) FILTER (WHERE event_name = 'add_to_cart') AS carts, count(*) FILTER (WHERE event_name = 'purchase') AS purchases,
         coalesce(sum(coalesce(product_discount_price, product_price)) FILTER (WHERE event_name = 'purchase'), 0) AS revenue
       FROM clickstream_events WHERE product_id IS NOT NULL AND (event_timestamp AT TIME ZONE 'UTC')::date = $1::date GROUP BY 1 ORDER BY 1`,
      [day],
    );
    expect(rows.map((r) => [r.key, r.views, r.carts, r.purchases, r.revenue]).sort()).toEqual(
      truth.map((t) => [t.product_id, Number(t.views), Number(t.carts), Number(t.purchases), Number(t.revenue)]),
    );
    const a = rows.find((r) => r.key === "A");
    expect(a?.discountConversion).toBe((a?.purchases ?? 0) / (a?.views ?? 1)); // A is always discounted
    expect(a?.fullPriceConversion).toBeNull();
    const byCategory = await computeProductReport(
      db,
      ProductReportQuery.parse({ from: day, to: day, groupBy: "category" }),
    );
    expect(byCategory.map((c) => c.key).sort()).toEqual(["bags", "shoes"]);

    const o = await computeOverview(db, new FsObjectStore(tempDir("ov")), OverviewQuery.parse({ from: day, to: day }));
    const [sessions] = await db.query<{ n: string; events: string }>(
      `SELECT count(DISTINCT session_id) AS n, count(*) AS events FROM clickstream_events
       WHERE session_id IN (SELECT session_id FROM clickstream_events GROUP BY 1 HAVING (min(event_timestamp) AT TIME ZONE 'UTC')::date = $1::date)`,
      [day],
    );
    expect(o.current.sessions).toBe(Number(sessions?.n));
    const [events] = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM clickstream_events WHERE (event_timestamp AT TIME ZONE 'UTC')::date = $1::date",
      [day],
    );
    expect(o.current.events).toBe(Number(events?.n));
    expect(o.topEvents[0]?.name).toBe("product_view");
  });

  test("sessions: list with paths, one timeline, top paths; the verbs refuse non-admins", async () => {
    const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
    const analyst = { id: "b", email: "analyst@sightline.local", roles: ["analysts" as const] };
    const day = new Date(T).toISOString().slice(0, 10);
    const list = await listSessions({
      ctx: { db, principal: admin },
      input: SessionsQuery.parse({ from: day, to: day }),
    });
    const s2 = list.find((x) => x.sessionId === "S2");
    expect(s2?.path).toEqual(["page_view", "add_to_cart", "product_view"]);
    const buyers = await listSessions({
      ctx: { db, principal: admin },
      input: SessionsQuery.parse({ from: day, to: day, reached: "purchase" }),
    });
    expect(buyers.map((x) => x.sessionId)).toEqual(["S1"]);
    const timeline = await getSessionTimeline({ ctx: { db, principal: admin }, sessionId: "S7" });
    expect(timeline.events.map((e) => e.name)).toEqual(["page_view", "page_view", "product_view"]); // the late one first
    expect(timeline.identity).toBeNull(); // S7's browser never signed in
    const signedIn = await getSessionTimeline({ ctx: { db, principal: admin }, sessionId: "S2" });
    expect(signedIn.identity).toEqual({ userId: "u1", mergedAt: new Date(T + 60 * M).toISOString() });
    const paths = await listTopPaths({
      ctx: { db, principal: admin },
      input: TopPathsQuery.parse({ from: day, to: day, start: "product_view", end: "add_to_cart" }),
    });
    // Direct view → cart in S1, S3, S4, S6, S10, S11b; S9 views another product in between.
    expect(paths).toEqual([
      { path: [], sessions: 6 },
      { path: ["product_view"], sessions: 1 },
    ]);
    await expect(
      listSessions({ ctx: { db, principal: analyst }, input: SessionsQuery.parse({ from: day, to: day }) }),
    ).rejects.toThrow(/Requires one of: admins/);
    await expect(getFunnel({ ctx: { db, principal: analyst }, input: q({}) })).rejects.toThrow(/admins/);
  });

  test("a raw-event funnel over more than the allowed range is refused with a clear message", async () => {
    await expect(
      runFunnel(db, q({ order: "strict", from: "2026-01-01T00:00:00Z", to: "2026-06-01T00:00:00Z" })),
    ).rejects.toThrow(/at most 31 days/);
  });
});

describe.each(DB_TARGETS)("standard-funnel cube on $name", (target) => {
  let db: PgDatabase;
  let raw: FsObjectStore;
  const DAY0 = Date.UTC(2026, 10, 10);
  const whole = { from: new Date(DAY0).toISOString(), to: new Date(DAY0 + 86_400_000).toISOString() };
  const standard = ["page_view", "product_view", "add_to_cart", "checkout_start", "purchase"].map((event) => ({
    event,
  }));
  const sq = (over: Partial<FunnelQueryInput>) =>
    FunnelQuery.parse({ steps: standard, windowMinutes: 30, ...whole, ...over });

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    raw = new FsObjectStore(tempDir("funnel-cube"));
    await raw.put(`${hourPrefix(T)}1-a.ndjson`, `${events.map((e) => line(e, T + 2 * 60 * M)).join("\n")}\n`);
    await runWarehouseEtl({ db, raw, trigger: "test", now: T + 4 * 60 * M });
  });
  afterAll(() => db?.close());

  /** The cube's answer, required equal to the session rollup's and the raw events'. */
  const allPaths = async (query: FunnelQuery) => {
    const cube = await runFunnel(db, query);
    expect(cube.explain.path).toBe("cube");
    for (const path of ["rollup", "raw"] as const) {
      const other = await runFunnel(db, { ...query, path });
      expect(other.explain.path).toBe(path);
      const { explain: _a, ...a } = cube;
      const { explain: _b, ...b } = other;
      expect(b, `${path} vs cube`).toEqual(a);
    }
    return cube;
  };
  const counts = (r: { steps: { count: number }[] }) => r.steps.map((x) => x.count);

  test("every preset over whole days: cube = rollup = raw; with a breakdown, raw events answer", async () => {
    const r = await allPaths(sq({}));
    // Page views on the day: S1, S2, S3, S4, S7, S8, S11a. Product view within 30 min after: all but S11a.
    // Cart at or after the view: S1, S4 (S2's cart came first, S3's a second past the window). No checkout.
    expect(counts(r)).toEqual([7, 6, 2, 0, 0]);
    expect(r.explain.reason).toMatch(/cube/);
    for (const windowMinutes of [30, 60])
      for (const order of ["sequential", "any"] as const) await allPaths(sq({ windowMinutes, order }));
    for (const breakdown of ["category", "first_visit", "login_state"] as const) {
      const r = await runFunnel(db, sq({ breakdown }));
      expect(r.explain.path).toBe("raw");
      expect(r.breakdown.reduce((a, b) => a + (b.counts[0] ?? 0), 0)).toBe(7);
    }
  });

  test("a late event moves the cube with the rollup: S1's checkout arrives in a later object", async () => {
    await raw.put(
      `${hourPrefix(T + 5 * 60 * M)}3-late.ndjson`,
      `${line({ session: "S1", name: "checkout_start", at: T + 2.5 * M, user: "u1" }, T + 5 * 60 * M)}\n`,
    );
    await runWarehouseEtl({ db, raw, trigger: "test", now: T + 6 * 60 * M });
    const r = await allPaths(sq({}));
    expect(counts(r)).toEqual([7, 6, 2, 1, 1]);
    expect(r.steps[4]?.medianSeconds).toBe(180);
  });

  test("ranges the cube does not answer go to the rollup or the events", async () => {
    // Days before any data hold no session: the cube still answers, and agrees.
    const wide = sq({ from: new Date(DAY0 - 5 * 86_400_000).toISOString() });
    expect(counts(await allPaths(wide))).toEqual([7, 6, 2, 1, 1]);
    // A day with sessions the cube never computed (as after loading data from before the cube): the rollup answers.
    await db.query("DELETE FROM clickstream_funnel_cube_days WHERE day = $1::date", [whole.from.slice(0, 10)]);
    expect((await runFunnel(db, wide)).explain.path).toBe("rollup");
    expect((await runFunnel(db, wide)).explain.reason).toMatch(/has not computed/);
    // Part of a day, another window, a filter: not a preset.
    expect((await runFunnel(db, sq({ from: new Date(T - 60 * M).toISOString() }))).explain.path).toBe("rollup");
    expect((await runFunnel(db, sq({ windowMinutes: 45 }))).explain.path).toBe("rollup");
    expect(
      (await runFunnel(db, sq({ steps: [{ event: "page_view", firstVisit: true }, ...standard.slice(1)] }))).explain
        .path,
    ).toBe("rollup");
  });
});
