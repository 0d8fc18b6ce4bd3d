import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuckDbEventLake } from "@/lib/adapters/duckdb/duckdb-event-lake";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { FunnelQuery, FunnelResult } from "@/lib/schemas/funnel";
import { openTestColumnarCopy, type TestColumnarCopy } from "@/test/support/columnar-copy";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { events, F1, late, line, M, q, T } from "@/test/support/funnel-events";
import { getFunnel } from "./get-funnel";
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
    expect(pg.explain.path).toBe("raw");
    expect(duck.explain.path).toBe("columnar");
    const { explain: _a, ...a } = pg;
    const { explain: _b, ...b } = duck;
    expect(b).toEqual(a);
    return duck;
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
    // An object loaded whose files are not published yet: the copy would miss it, so Postgres answers.
    await db.query("UPDATE clickstream_columnar_objects SET published_at = NULL WHERE object_key LIKE '%2-b.ndjson'");
    expect((await runFunnel(db, custom, lake)).explain.path).toBe("rollup");
    await db.query("UPDATE clickstream_columnar_objects SET published_at = now()");
    await db.query("DELETE FROM clickstream_columnar_objects WHERE object_key LIKE '%2-b.ndjson'");
    expect((await runFunnel(db, custom, lake)).explain.path).toBe("rollup");
  });
});
