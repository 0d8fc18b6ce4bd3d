import { DuckDbEventLake } from "@/lib/adapters/duckdb/duckdb-event-lake";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { hourPrefix } from "@/lib/clickstream/ingest";
import { runWarehouseEtl } from "@/lib/clickstream/run-warehouse-etl";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { openTestColumnarCopy, type TestColumnarCopy } from "./columnar-copy";
import { type DbTarget, tempDir } from "./databases";
import { type Ev, line } from "./funnel-events";

/*
 * Hand-built sessions for the paths diagram (answers worked out in paths.integration.test.ts),
 * and a loader putting events through the real raw store and ETL into the warehouse and its
 * columnar copy, so every report can be run on both engines.
 */
export const T = Date.UTC(2026, 10, 10, 10);
export const M = 60_000;
const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const session = (id: string, base: number, steps: [string, number, string?][]): Ev[] =>
  steps.map(([name, off, eid]) => ({ session: id, name, at: base + off, ...(eid ? { id: eid } : {}) }));

export const PATH_EVENTS: Ev[] = [
  // P1: the repeated product view is one node
  ...session("P1", T, [
    ["page_view", 0],
    ["product_view", 1 * M],
    ["product_view", 2 * M],
    ["add_to_cart", 3 * M],
    ["purchase", 4 * M],
  ]),
  // P2: back to a product view after a search (not a repeat: something in between)
  ...session("P2", T, [
    ["product_view", 0],
    ["search", 1 * M],
    ["product_view", 2 * M],
    ["add_to_cart", 3 * M],
  ]),
  // P3: a search arrives late, in a later object, between the view and the cart
  ...session("P3", T, [
    ["product_view", 0],
    ["add_to_cart", 2 * M],
  ]),
  // P4 / P5: the path stops at the anchor (P5's second view is a repeat)
  ...session("P4", T, [
    ["page_view", 0],
    ["product_view", 1 * M],
  ]),
  ...session("P5", T, [
    ["product_view", 0],
    ["product_view", 1 * M],
  ]),
  // P6: a cart before the view; help after it
  ...session("P6", T, [
    ["add_to_cart", 0],
    ["product_view", 1 * M],
    ["help", 2 * M],
  ]),
  // P7: its first product view is the day before the range: not a path from it
  ...session("P7", Date.UTC(2026, 10, 9, 23, 50), [
    ["product_view", 0],
    ["add_to_cart", 15 * M],
  ]),
  // P8: page view and product view at the same instant, ordered by event id
  ...session("P8", T, [
    ["page_view", 0, ID(1)],
    ["product_view", 0, ID(2)],
    ["add_to_cart", 1 * M, ID(3)],
  ]),
  // P9: no product view; a help at the same instant as its cart but ordered after it (event id)
  ...session("P9", T, [
    ["page_view", 0],
    ["add_to_cart", 1 * M, ID(5)],
    ["help", 1 * M, ID(6)],
  ]),
];
export const PATH_LATE: Ev[] = [{ session: "P3", name: "search", at: T + 1 * M }];

export interface LoadedCopy {
  db: PgDatabase;
  lake: DuckDbEventLake;
  /** Loads one more raw object (an hour later than the last) through the ETL. */
  load(events: readonly Ev[]): Promise<void>;
  close(): Promise<void>;
}

/** A migrated database, a columnar copy and a DuckDB lake over it; `load` runs the real ETL. */
export async function openLoadedCopy(target: DbTarget, base: number): Promise<LoadedCopy> {
  const db = await target.open();
  await migrate(db);
  const columnar: TestColumnarCopy = await openTestColumnarCopy();
  const raw = new FsObjectStore(tempDir("paths-raw"));
  const engine = await DuckDbLakeQuery.open(tempDir("paths-lake"), { connections: 1, threads: 1 });
  const lake = new DuckDbEventLake(engine, `${columnar.root}/store`);
  let n = 0;
  return {
    db,
    lake,
    async load(events) {
      n++;
      const at = base + (n + 1) * 60 * M;
      await raw.put(`${hourPrefix(at)}${n}-o.ndjson`, `${events.map((e) => line(e, at)).join("\n")}\n`);
      await runWarehouseEtl({ db, raw, trigger: "test", now: at + 60 * M, copy: columnar.copy });
    },
    async close() {
      await engine.close();
      columnar.close();
      await db.close();
    },
  };
}
