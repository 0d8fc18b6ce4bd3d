import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuckDbEventLake } from "@/lib/adapters/duckdb/duckdb-event-lake";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { FunnelQuery, FunnelResult } from "@/lib/schemas/funnel";
import { expectSameAnswer } from "@/test/support/both-engines";
import { openTestColumnarCopy, type TestColumnarCopy } from "@/test/support/columnar-copy";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { events, F1, features, featuresLate, late, line, M, q, q2, T, T2 } from "@/test/support/funnel-events";
import { getFunnel } from "./get-funnel";
import { getSessionTimeline } from "./get-session-timeline";
import { hourPrefix } from "./ingest";
import { runFunnel } from "./run-funnel";
import { runWarehouseEtl } from "./run-warehouse-etl";

/*
 * The hand-built events of funnel.integration.test.ts (window boundary, equal timestamps, repeated
 * and out-of-order steps, a late page view in a later object), loaded once by the ETL into the
 * warehouse and its columnar copy: every funnel must come out the same from Postgres and DuckDB.
 */
describe.each(DB_TARGETS)("funnels on the columnar copy = the warehouse, on $name", (target) => {
  let db: PgDatabase;
  let columnar: TestColumnarCopy;
  let engine: DuckDbLakeQuery;
  let lake: DuckDbEventLake;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    columnar = await openTestColumnarCopy();
    const raw = new FsObjectStore(tempDir("col-funnel"));
    await raw.put(`${hourPrefix(T)}1-a.ndjson`, `${events.map((e) => line(e, T + 2 * 60 * M)).join("\n")}\n`);
    await raw.put(
      `${hourPrefix(T + 3 * 60 * M)}2-b.ndjson`,
      `${late.map((e) => line(e, T + 3 * 60 * M)).join("\n")}\n`,
    );
    await runWarehouseEtl({ db, raw, trigger: "test", now: T + 4 * 60 * M, copy: columnar.copy });
    // The feature events, then (a later run) the late sign-in that moves cR's merge earlier.
    await raw.put(`${hourPrefix(T2)}3-c.ndjson`, `${features.map((e) => line(e, T2 + 60 * M)).join("\n")}\n`);
    await runWarehouseEtl({ db, raw, trigger: "test", now: T2 + 2 * 60 * M, copy: columnar.copy });
    await raw.put(
      `${hourPrefix(T2 + 3 * 60 * M)}4-d.ndjson`,
      `${featuresLate.map((e) => line(e, T2 + 3 * 60 * M)).join("\n")}\n`,
    );
    await runWarehouseEtl({ db, raw, trigger: "test", now: T2 + 4 * 60 * M, copy: columnar.copy });
    engine = await DuckDbLakeQuery.open(tempDir("col-lake"), { connections: 1, threads: 1 });
    lake = new DuckDbEventLake(engine, `${columnar.root}/store`);
  });
  afterAll(async () => {
    await engine?.close();
    columnar?.close();
    await db?.close();
  });

  /** The same funnel from Postgres's raw events and from the columnar copy: identical figures. */
  const both = async (query: FunnelQuery): Promise<FunnelResult> => {
    const pg = await runFunnel(db, { ...query, path: "raw" });
    const duck = await runFunnel(db, { ...query, path: "columnar" }, lake);
    return expectSameAnswer(pg, duck, "raw");
  };
  const counts = (r: FunnelResult) => r.steps.map((x) => x.count);

  test("sequential, any and strict order (the late page view counted in its own hour); the window cuts S3's cart", async () => {
    const seq = await both(q({ order: "sequential" }));
    expect(counts(seq)).toEqual([6, 5, 2, 1]);
    expect(seq.steps.map((x) => x.revenueLost)).toEqual([0, 210, 80, 0]);
    expect(seq.steps[1]?.medianSeconds).toBe(120);
    expect(counts(await both(q({ order: "any" })))).toEqual([6, 5, 3, 1]);
    expect(counts(await both(q({ order: "strict" })))).toEqual([6, 3, 2, 1]);
    // A window a second longer lets S3's cart in; one minute keeps only the same-minute steps.
    expect(counts(await both(q({ windowMinutes: 31 })))).toEqual([6, 5, 3, 1]);
    expect(counts(await both(q({ windowMinutes: 1 })))).toEqual([6, 2, 1, 0]);
  });

  test("filtered steps, breakdowns, units, same product and a repeated step", async () => {
    const shoes = [{ event: "page_view" }, { event: "product_view", category: "shoes" }, ...F1.slice(2)];
    expect(counts(await both(q({ steps: shoes })))).toEqual([6, 4, 2, 1]);
    await both(q({ steps: [{ event: "product_view", brand: "North" }, { event: "add_to_cart" }], order: "any" }));
    await both(q({ steps: [{ event: "page_view", firstVisit: false }, { event: "product_view" }] }));
    await both(q({ steps: [{ event: "page_view", loginState: "logged_in" }, { event: "product_view" }] }));
    const byCategory = await both(q({ breakdown: "category" }));
    expect(byCategory.breakdown[0]).toEqual({ value: "shoes", counts: [4, 4, 2, 1] });
    await both(q({ breakdown: "login_state", order: "strict" }));
    const steps = F1.slice(0, 3);
    expect(counts(await both(q({ steps, windowMinutes: 60, unit: "client" })))).toEqual([6, 6, 4]);
    expect(counts(await both(q({ steps, windowMinutes: 60, unit: "user" })))).toEqual([1, 1, 1]);
    const pair = [{ event: "product_view" }, { event: "add_to_cart" }];
    expect(counts(await both(q({ steps: pair, windowMinutes: 60, sameProduct: true })))).toEqual([9, 6]);
    const repeated = [{ event: "product_view" }, { event: "add_to_cart" }, { event: "product_view" }];
    expect(counts(await both(q({ steps: repeated, windowMinutes: 60 })))).toEqual([9, 7, 1]);
  });

  test("exclusions drop the units with an excluded event strictly between the two steps, once they reach the later one", async () => {
    const steps = ["e_a", "e_b", "e_c"];
    const x = (fromStep: number, toStep: number) => [{ event: "e_x", fromStep, toStep }];
    const plain = await both(q2(steps));
    expect(counts(plain)).toEqual([6, 5, 4]); // X6's e_b comes before its e_a
    expect(plain.excluded).toBe(0);
    // 1→3: X2, X4, X5 dropped; X3 keeps its e_x (it never reaches step 3).
    const oneToThree = await both(q2(steps, { exclusions: x(1, 3) }));
    expect(counts(oneToThree)).toEqual([3, 2, 1]);
    expect(oneToThree.excluded).toBe(3);
    // 2→3: only X4 (X2's e_x is before its step 2, X5's at the same instant as it).
    const twoToThree = await both(q2(steps, { exclusions: x(2, 3) }));
    expect(counts(twoToThree)).toEqual([5, 4, 3]);
    expect(twoToThree.excluded).toBe(1);
    // Any order: X6 reaches step 3; between its steps 1 and 2 (either way round) lies e_x, as for X2.
    expect(counts(await both(q2(steps, { order: "any" })))).toEqual([6, 6, 5]);
    const any = await both(q2(steps, { order: "any", exclusions: x(1, 2) }));
    expect(counts(any)).toEqual([4, 4, 3]);
    expect(any.excluded).toBe(2);
    await both(q2(steps, { order: "strict", exclusions: x(1, 3) }));
  });

  test("time limits between steps: at least / at most so many minutes after the previous step", async () => {
    const steps = ["g_a", "g_b", "g_c"];
    const limited = (order: "sequential" | "any") =>
      q2(steps, {
        order,
        steps: [
          { event: "g_a" },
          { event: "g_b", maxMinutesFromPrevious: 5 },
          { event: "g_c", minMinutesFromPrevious: 2 },
        ],
      });
    expect(counts(await both(q2(steps)))).toEqual([4, 3, 3]); // G4's g_b comes first
    // G2's 5 minutes is at the limit; G3's 20 is over it; G2's step 3 a minute after step 2 is too soon.
    expect(counts(await both(limited("sequential")))).toEqual([4, 2, 1]);
    expect(counts(await both(q2(steps, { order: "any" })))).toEqual([4, 4, 4]);
    // Any order measures the gap either way round: G4's steps 1 and 2 are 8 minutes apart, over 5.
    expect(counts(await both(limited("any")))).toEqual([4, 2, 1]);
    const onlyMin = [{ event: "g_a" }, { event: "g_b" }, { event: "g_c", minMinutesFromPrevious: 2 }];
    expect(counts(await both(q2(steps, { steps: onlyMin })))).toEqual([4, 3, 1]);
  });

  test("attribution: the breakdown value comes from the events matched as steps — first touch, last touch, one step", async () => {
    const steps = ["b_a", "b_b", "b_c"];
    const first = await both(q2(steps, { breakdown: "category" }));
    // B2's own step events say bags (the shoes were on a non-step event); B3's step carries nothing.
    expect(first.breakdown).toEqual([
      { value: "shoes", counts: [2, 2, 2] },
      { value: "bags", counts: [1, 1, 0] },
      { value: null, counts: [1, 0, 0] },
    ]);
    const last = await both(q2(steps, { breakdown: "category", attribution: "last" }));
    expect(last.breakdown).toEqual([
      { value: "bags", counts: [3, 3, 2] },
      { value: null, counts: [1, 0, 0] },
    ]);
    const second = await both(q2(steps, { breakdown: "category", attribution: "step", attributionStep: 2 }));
    expect(second.breakdown).toEqual([
      { value: null, counts: [2, 1, 0] },
      { value: "bags", counts: [1, 1, 1] },
      { value: "shoes", counts: [1, 1, 1] },
    ]);
  });

  test("person: a browser's anonymous visits count for the account it signs in to; a late, earlier sign-in moves the merge", async () => {
    const merged = await db.query<{ client_id: string; user_id: string; merged_at: Date }>(
      "SELECT client_id, user_id, merged_at FROM clickstream_identities WHERE client_id IN ('cP', 'cR') ORDER BY client_id",
    );
    expect(merged.map((r) => [r.client_id, r.user_id, new Date(r.merged_at).getTime()])).toEqual([
      ["cP", "uP", T2 + 10 * M], // a later sign-in as uP2 does not move it
      ["cR", "uR0", T2 + 2 * M], // the late, earlier sign-in does
    ]);
    // The copy's snapshot of the map is in place (renamed in from staging, which is left empty).
    expect(fs.existsSync(path.join(columnar.root, "store", "identities", "identities.parquet"))).toBe(true);
    expect(fs.readdirSync(columnar.copy.stagingDir)).toEqual([]);
    const steps = ["i_a", "i_b"];
    // uP (two sessions of one browser), uQ (two browsers), uR0 (cR merged with it by the late event).
    expect(counts(await both(q2(steps, { unit: "person" })))).toEqual([3, 3]);
    expect(counts(await both(q2(steps, { unit: "client" })))).toEqual([3, 1]);
    expect(counts(await both(q2(steps, { unit: "user" })))).toEqual([0, 0]);
    expect(counts(await both(q2(steps, { unit: "session" })))).toEqual([3, 0]);
    // The anonymous session's timeline says which sign-in merged its browser.
    const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
    const p1 = await getSessionTimeline({ ctx: { db, principal: admin }, sessionId: "P1" });
    expect(p1.identity).toEqual({ userId: "uP", mergedAt: new Date(T2 + 10 * M).toISOString() });
  });

  test("more than eight steps, in order and in any order, with an exclusion", async () => {
    const steps = Array.from({ length: 10 }, (_, i) => `w${i + 1}`);
    expect(counts(await both(q2(steps)))).toEqual([3, 3, 3, 3, 3, 2, 1, 1, 1, 1]);
    expect(counts(await both(q2(steps, { order: "any" })))).toEqual([3, 3, 3, 3, 3, 2, 2, 2, 2, 2]);
    const exclusions = [{ event: "w_x", fromStep: 2, toStep: 9 }];
    const seq = await both(q2(steps, { exclusions }));
    expect(counts(seq)).toEqual([2, 2, 2, 2, 2, 1, 0, 0, 0, 0]);
    expect(seq.excluded).toBe(1);
    expect(counts(await both(q2(steps, { order: "any", exclusions })))).toEqual([2, 2, 2, 2, 2, 1, 1, 1, 1, 1]);
  });

  test("a range the copy holds no files for counts nothing, like the warehouse", async () => {
    const empty = await both(q({ from: "2026-10-01T00:00:00Z", to: "2026-10-02T00:00:00Z" }));
    expect(counts(empty)).toEqual([0, 0, 0, 0]);
  });

  test("auto: the columnar copy answers when it holds every loaded object, Postgres when it does not", async () => {
    const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
    const custom = q({ steps: [{ event: "page_view" }, { event: "product_view", category: "shoes" }] });
    const viaVerb = await getFunnel({ ctx: { db, principal: admin, eventLake: lake }, input: custom });
    expect(viaVerb.explain.path).toBe("columnar");
    expect((await runFunnel(db, custom)).explain.path).toBe("rollup"); // no copy configured
    // The identity map changed since its snapshot was written: person funnels would miss it.
    await db.query("UPDATE clickstream_identity_state SET version = version + 1");
    expect((await runFunnel(db, custom, lake)).explain.path).toBe("rollup");
    await db.query("UPDATE clickstream_identity_state SET written_version = version");
    expect((await runFunnel(db, custom, lake)).explain.path).toBe("columnar");
    // An object loaded whose files are not published yet: the copy would miss it, so Postgres answers.
    await db.query("UPDATE clickstream_columnar_objects SET published_at = NULL WHERE object_key LIKE '%2-b.ndjson'");
    expect((await runFunnel(db, custom, lake)).explain.path).toBe("rollup");
    await db.query("UPDATE clickstream_columnar_objects SET published_at = now()");
    await db.query("DELETE FROM clickstream_columnar_objects WHERE object_key LIKE '%2-b.ndjson'");
    expect((await runFunnel(db, custom, lake)).explain.path).toBe("rollup");
  });
});
