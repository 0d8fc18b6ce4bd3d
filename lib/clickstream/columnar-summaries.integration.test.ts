import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuckDbEventLake } from "@/lib/adapters/duckdb/duckdb-event-lake";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { FunnelQuery, type FunnelQueryInput, type FunnelResult } from "@/lib/schemas/funnel";
import { PathsQuery } from "@/lib/schemas/paths";
import { RetentionQuery } from "@/lib/schemas/retention";
import { expectSameAnswer } from "@/test/support/both-engines";
import { openTestColumnarCopy, type TestColumnarCopy } from "@/test/support/columnar-copy";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { type Ev, line } from "@/test/support/funnel-events";
import { hourPrefix } from "./ingest";
import { getPaths } from "./paths";
import { LATE_HOURS } from "./pending-objects";
import { computeRetention } from "./retention";
import { runFunnel } from "./run-funnel";
import { runWarehouseEtl } from "./run-warehouse-etl";

/*
 * The per-session summary: written by each ETL run for the days it changed, read by funnels only
 * while it matches the day's files, and counting what the warehouse counts —
 * including a session that crosses midnight and a late event that arrives after the summary.
 */
const H = 3_600_000;
const M = 60_000;
const D = Date.UTC(2026, 10, 24); // the start day summarized
const SHOES = { id: "A", name: "Runner", category: "shoes", brand: "North", price: 100, discountPrice: 80 };
const BAGS = { id: "B", name: "Pack", category: "bags", brand: "Heritage", price: 50 };
const ev = (session: string, name: string, at: number, product?: object): Ev => ({
  session,
  name,
  at,
  ...(product ? { product } : {}),
});
// Day D, two objects (so compaction merges them): S1 crosses midnight, S2 stays on D.
const dayOne: Ev[][] = [
  [
    ev("S1", "page_view", D + 23 * H + 50 * M),
    ev("S1", "product_view", D + 23 * H + 55 * M, SHOES),
    ev("S1", "add_to_cart", D + 23 * H + 56 * M, SHOES),
  ],
  [
    ev("S2", "page_view", D + 10 * H),
    ev("S2", "product_view", D + 10 * H + M, BAGS),
    ev("S2", "add_to_cart", D + 10 * H + 2 * M, BAGS),
  ],
];
// S6 and S7 on D: views before the cart and after the purchase; S6 has one between them too.
const around = (session: string, between: boolean) => [
  ev(session, "page_view", D + 12 * H),
  ev(session, "product_view", D + 12 * H + M),
  ev(session, "add_to_cart", D + 12 * H + 2 * M),
  ...(between ? [ev(session, "product_view", D + 12 * H + 3 * M)] : []),
  ev(session, "purchase", D + 12 * H + 4 * M),
  ev(session, "product_view", D + 12 * H + 5 * M),
];
dayOne.push([...around("S6", true), ...around("S7", false)]);
// Day D+1: S1's cart and purchase after midnight, S3 and S4 on D+1.
const dayTwo = [
  [ev("S1", "add_to_cart", D + 24 * H + 10 * M, SHOES), ev("S1", "purchase", D + 24 * H + 20 * M, SHOES)],
  [
    ev("S3", "page_view", D + 30 * H),
    ev("S3", "product_view", D + 30 * H + 5 * M, SHOES),
    ev("S4", "page_view", D + 31 * H),
  ],
];
const ADMIN: Principal = { id: "a", email: "admin@sightline.local", roles: ["admins"] };
const STEPS = ["page_view", "product_view", "add_to_cart", "purchase"].map((event) => ({ event }));
const funnel = (over: Partial<FunnelQueryInput> = {}) =>
  FunnelQuery.parse({
    steps: STEPS,
    windowMinutes: 60,
    from: new Date(D).toISOString(),
    to: new Date(D + 2 * 24 * H).toISOString(),
    ...over,
  });

describe.each(DB_TARGETS)("per-session summaries of the columnar copy on $name", (target) => {
  let db: PgDatabase;
  let columnar: TestColumnarCopy;
  let engine: DuckDbLakeQuery;
  let lake: DuckDbEventLake;
  let raw: FsObjectStore;
  const summaries = () => {
    const dir = path.join(columnar.root, "store", "sessions", "dt=2026-11-24");
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };
  const put = (key: string, evs: Ev[], receivedAt: number) =>
    raw.put(key, `${evs.map((e) => line(e, receivedAt)).join("\n")}\n`);
  const run = (now: number) => runWarehouseEtl({ db, raw, trigger: "test", now, copy: columnar.copy });

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    columnar = await openTestColumnarCopy();
    raw = new FsObjectStore(tempDir("summary-raw"));
    for (const [i, evs] of dayOne.entries()) await put(`${hourPrefix(D + 23 * H)}${i}-a.ndjson`, evs, D + 23 * H);
    for (const [i, evs] of dayTwo.entries()) await put(`${hourPrefix(D + 31 * H)}${i}-b.ndjson`, evs, D + 31 * H);
    // Day D+2 has events too, so D+1 closes with something after it.
    await put(`${hourPrefix(D + 50 * H)}0-c.ndjson`, [ev("S5", "page_view", D + 50 * H)], D + 50 * H);
    expect(await run(D + 51 * H)).toMatchObject({ status: "succeeded", loaded: 23 });
    engine = await DuckDbLakeQuery.open(tempDir("summary-lake"), { connections: 1, threads: 1 });
    lake = new DuckDbEventLake(engine, `${columnar.root}/store`);
  });
  afterAll(async () => {
    await engine?.close();
    columnar?.close();
    await db?.close();
  });

  const both = async (q: FunnelQuery): Promise<FunnelResult> => {
    const pg = await runFunnel(db, { ...q, path: "raw" });
    const duck = await runFunnel(db, { ...q, path: "columnar" }, lake);
    expect(duck.explain.reason).toContain("per-session summary");
    return expectSameAnswer(pg, duck, "raw");
  };
  const counts = (r: FunnelResult) => r.steps.map((x) => x.count);
  const readsStored = (day = "2026-11-24") =>
    lake.sessionsSource({ from: day, to: day }).includes(`/sessions/dt=${day}/`);

  const dayDir = () => path.join(columnar.root, "store", "sessions", "dt=2026-11-24");

  test("each run leaves every day it changed summarized (open or merged); without one, a day is counted from its events", async () => {
    // The loading run summarized D and D+1 as it left them.
    expect(summaries()).toEqual([expect.stringMatching(/^summary-v2-[0-9a-f]{20}\.parquet$/)]);
    expect(readsStored()).toBe(true);
    expect(readsStored("2026-11-25")).toBe(true);
    // S1 crosses midnight: its cart and purchase on D+1 are in D's summary, and not in D+1's.
    expect(counts(await both(funnel()))).toEqual([6, 5, 4, 3]);
    const afterMidnight = await both(funnel({ steps: [{ event: "add_to_cart" }, { event: "purchase" }] }));
    expect(counts(afterMidnight)).toEqual([4, 3]);
    const shoes = await both(
      funnel({
        steps: [{ event: "page_view" }, { event: "product_view", category: "shoes" }, { event: "add_to_cart" }],
      }),
    );
    expect(counts(shoes)).toEqual([6, 2, 1]);

    // Without the stored summary the same answers come from the events.
    fs.renameSync(dayDir(), `${dayDir()}.away`);
    expect(readsStored()).toBe(false);
    expect(counts(await both(funnel({ order: "any" })))).toEqual([6, 5, 4, 3]);
    fs.renameSync(`${dayDir()}.away`, dayDir());

    // The days close and are merged: their files change, so they are summarized again, once.
    const open = summaries();
    expect((await run(D + 50 * H + (LATE_HOURS + 1) * H)).status).toBe("succeeded");
    expect(summaries()).toHaveLength(1);
    expect(summaries()).not.toEqual(open);
    expect(readsStored()).toBe(true);
    expect(counts(await both(funnel({ order: "any" })))).toEqual([6, 5, 4, 3]);
    const again = summaries();
    await run(D + 50 * H + (LATE_HOURS + 2) * H);
    expect(summaries()).toEqual(again); // nothing changed: nothing rewritten
  });

  test("a summary whose files have changed is never read: a late event counts at once", async () => {
    const stale = summaries()[0] as string;
    const staleBytes = fs.readFileSync(path.join(dayDir(), stale));
    // S2 buys after all: an object arriving days late, for day D.
    const at = D + 50 * H + (LATE_HOURS + 3) * H;
    await put(`${hourPrefix(at)}0-late.ndjson`, [ev("S2", "purchase", D + 10 * H + 3 * M, BAGS)], at);
    await run(at + H); // loads it beside D's merged file, and summarizes D again
    expect(summaries()).not.toEqual([stale]);
    expect(readsStored()).toBe(true);
    expect(counts(await both(funnel({ order: "any" })))).toEqual([6, 5, 4, 4]);

    // Put the summary from before the late event back in place of the new one: it no longer
    // matches D's files, so the day is counted from its events and the late purchase still counts.
    for (const f of summaries()) fs.rmSync(path.join(dayDir(), f));
    fs.writeFileSync(path.join(dayDir(), stale), staleBytes);
    expect(readsStored()).toBe(false);
    expect(counts(await both(funnel({ order: "any" })))).toEqual([6, 5, 4, 4]);

    await run(at + (LATE_HOURS + 2) * H); // D closes again: merged again, summarized again
    expect(summaries()).toHaveLength(1);
    expect(readsStored()).toBe(true);
    expect(counts(await both(funnel({ order: "any" })))).toEqual([6, 5, 4, 4]);
  });

  test("retention and paths from the stored summaries equal the warehouse's, at a session crossing midnight", async () => {
    expect(readsStored()).toBe(true);
    const retention = RetentionQuery.parse({ period: "day", periods: 3, start: "2026-11-24", unit: "client" });
    const pgR = await computeRetention(db, { ...retention, path: "warehouse" }, { now: D + 9 * 24 * H });
    const duckR = await computeRetention(db, { ...retention, path: "columnar" }, { lake, now: D + 9 * 24 * H });
    expect(duckR.explain.reason).toContain("per-session summary");
    // S1 (D, back on D+1 after midnight), S2, S6 and S7 on D; S3, S4 on D+1; S5 on D+2.
    expect(expectSameAnswer(pgR, duckR).cohorts.map((c) => c.cells.map((x) => x.count))).toEqual([
      [4, 1, 0],
      [2, 0],
      [1],
    ]);
    const ctx = { db, principal: ADMIN, eventLake: lake };
    // S1 has carts on both sides of midnight: paths ending at its last cart count it on D+1, paths
    // starting at its first cart do not.
    for (const direction of ["end", "start"] as const) {
      const input = PathsQuery.parse({ from: "2026-11-25", to: "2026-11-25", event: "add_to_cart", direction });
      const pgP = await getPaths({ ctx, input: { ...input, path: "warehouse" } });
      const duckP = await getPaths({ ctx, input: { ...input, path: "columnar" } });
      expect(duckP.explain.reason).toContain("per-session summary");
      expect(expectSameAnswer(pgP, duckP).sessions).toBe(direction === "end" ? 1 : 0);
    }
  });

  test("exclusions read their events beside the summary; other filters and units read the events", async () => {
    // A cart strictly between the product view and the purchase: S1, S6, S7 and (with its late purchase) S2.
    const x = await both(funnel({ exclusions: [{ event: "add_to_cart", fromStep: 2, toStep: 4 }] }));
    expect(x.excluded).toBe(4);
    // A view between the cart and the purchase: S6 only. S6 and S7 both have views before and after
    // those steps, so the summary cannot tell them apart and S6's middle view is looked up.
    const between = await both(funnel({ exclusions: [{ event: "product_view", fromStep: 3, toStep: 4 }] }));
    expect(between.excluded).toBe(1);
    expect(counts(between)).toEqual([5, 4, 3, 3]);
    const brand = await runFunnel(
      db,
      { ...funnel({ steps: [{ event: "product_view", brand: "North" }, { event: "add_to_cart" }] }), path: "columnar" },
      lake,
    );
    expect(brand.explain.reason).toContain("not the per-session summary");
    const pg = await runFunnel(db, {
      ...funnel({ steps: [{ event: "product_view", brand: "North" }, { event: "add_to_cart" }] }),
      path: "raw",
    });
    expectSameAnswer(pg, brand, "raw");
  });
});
