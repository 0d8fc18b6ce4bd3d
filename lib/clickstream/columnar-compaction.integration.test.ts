import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { openTestColumnarCopy, type TestColumnarCopy } from "@/test/support/columnar-copy";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { hourPrefix } from "./ingest";
import { LATE_HOURS } from "./pending-objects";
import { runWarehouseEtl } from "./run-warehouse-etl";

const H = 3600_000;
const T = Date.UTC(2026, 10, 24, 9, 30);
/** A run after every object of hour T has left the late window. */
const CLOSED = T + (LATE_HOURS + 2) * H;

const line = (id: string, session: string, at: number) =>
  JSON.stringify({
    event: { eventId: id, eventName: "page_view", timestamp: at, clientId: `c-${session}`, sessionId: session },
    receivedAt: at,
    ip: null,
    userAgent: "test",
  });

describe.each(DB_TARGETS)("compaction of the columnar copy on $name", (target) => {
  const open: { db: PgDatabase; columnar: TestColumnarCopy }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) {
      o.columnar.close();
      await o.db.close();
    }
  });

  /** A fresh warehouse and copy, with three objects in hour T (one event re-sent by a later object). */
  async function loaded() {
    const db = await target.open();
    await migrate(db);
    const columnar = await openTestColumnarCopy();
    open.push({ db, columnar });
    const raw = new FsObjectStore(tempDir("compact-raw"));
    const ids = Array.from({ length: 6 }, () => randomUUID());
    const ev = (i: number, session: string, ms: number) => line(ids[i] as string, session, ms);
    const at = (i: number) => T + i * 60_000;
    await raw.put(`${hourPrefix(T)}1-a.ndjson`, `${[ev(0, "s2", at(1)), ev(1, "s1", at(2))].join("\n")}\n`);
    await raw.put(`${hourPrefix(T)}2-b.ndjson`, `${[ev(1, "s1", at(2)), ev(2, "s2", at(3))].join("\n")}\n`);
    // The last event is in the next hour's partition: an object's files span partitions.
    await raw.put(
      `${hourPrefix(T)}3-c.ndjson`,
      `${[ev(3, "s1", at(4)), ev(4, "s3", at(5)), ev(5, "s1", T + H)].join("\n")}\n`,
    );
    const first = await runWarehouseEtl({ db, raw, trigger: "test", now: T + H, copy: columnar.copy });
    expect(first).toMatchObject({ status: "succeeded", loaded: 6, duplicates: 1 });
    const warehouseIds = async () =>
      (await db.query<{ id: string }>("SELECT event_id::text AS id FROM clickstream_events ORDER BY 1")).map(
        (r) => r.id,
      );
    const files = (hr: string) => {
      const dir = path.join(columnar.root, "store", "events", "dt=2026-11-24", hr);
      return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    };
    const copiedIds = async () => (await columnar.readRows()).map((r) => r.event_id);
    return { db, columnar, raw, ids, warehouseIds, files, copiedIds };
  }

  test("a closed day's files become one file sorted by session, each event once; re-runs change nothing", async () => {
    const { db, columnar, raw, warehouseIds, files, copiedIds } = await loaded();
    expect(files("hr=09")).toHaveLength(3);

    // Still in the late window: nothing is merged.
    await runWarehouseEtl({ db, raw, trigger: "test", now: T + 2 * H, copy: columnar.copy });
    expect(files("hr=09")).toHaveLength(3);

    const closed = await runWarehouseEtl({ db, raw, trigger: "test", now: CLOSED, copy: columnar.copy });
    expect(closed).toMatchObject({ status: "succeeded" });
    expect(files("hr=day")).toEqual([expect.stringMatching(/^compact-[0-9a-f]{20}\.parquet$/)]);
    expect([...files("hr=09"), ...files("hr=10")]).toEqual([]);
    expect(await copiedIds()).toEqual(await warehouseIds());
    const order = await columnar.query(
      `SELECT session_id FROM read_parquet('${path.join(columnar.root, "store", "events", "dt=2026-11-24", "hr=day", files("hr=day")[0] ?? "")}')`,
    );
    expect(order.map((r) => r.session_id)).toEqual(["s1", "s1", "s1", "s2", "s2", "s3"]);

    const merged = files("hr=day");
    await runWarehouseEtl({ db, raw, trigger: "test", now: CLOSED + H, copy: columnar.copy });
    expect(files("hr=day")).toEqual(merged);
    // A run whose clock is behind checks those objects' files again: merged counts as present, so
    // nothing is written twice.
    const behind = await runWarehouseEtl({ db, raw, trigger: "test", now: T + H, copy: columnar.copy });
    expect(behind).toMatchObject({ status: "succeeded", objects: 0 });
    expect(files("hr=day")).toEqual(merged);
    expect(files("hr=09")).toEqual([]);
    expect(await copiedIds()).toEqual(await warehouseIds());
  });

  test("a crash before the merged file is published, or before the old files are deleted: the next run ends with each event once", async () => {
    const { db, columnar, raw, warehouseIds, files, copiedIds } = await loaded();
    /** A run whose store dies at `op`: publishing the merged file, or deleting the files it replaces. */
    const dyingAt = (op: "putFile" | "delete") => {
      const store = columnar.copy.store;
      const dying: ObjectStore = {
        get: (k) => store.get(k),
        getOptional: (k) => store.getOptional(k),
        put: (k, b) => store.put(k, b),
        putFile: (k, f) =>
          op === "putFile" && k.includes("/compact-") ? Promise.reject(new Error("died")) : store.putFile(k, f),
        delete: (k) => (op === "delete" ? Promise.reject(new Error("died")) : store.delete(k)),
        list: (p) => store.list(p),
      };
      return runWarehouseEtl({ db, raw, trigger: "test", now: CLOSED, copy: { ...columnar.copy, store: dying } });
    };

    const beforePublish = await dyingAt("putFile");
    expect(beforePublish.status).toBe("partial");
    expect(files("hr=09")).toHaveLength(3);
    expect(await copiedIds()).toEqual(await warehouseIds());

    const beforeDelete = await dyingAt("delete");
    expect(beforeDelete.status).toBe("partial");
    // Merged and old side by side until the next run.
    expect([files("hr=day").length, files("hr=09").length, files("hr=10").length]).toEqual([1, 3, 1]);

    const next = await runWarehouseEtl({ db, raw, trigger: "test", now: CLOSED, copy: columnar.copy });
    expect(next).toMatchObject({ status: "succeeded" });
    expect(files("hr=day")).toEqual([expect.stringMatching(/^compact-/)]);
    expect(files("hr=09")).toEqual([]);
    expect(await copiedIds()).toEqual(await warehouseIds());
    const [open] = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM clickstream_columnar_compactions WHERE done_at IS NULL",
    );
    expect(Number(open?.n)).toBe(0);
  });

  test("a late event for a merged day gets its own file beside it, merged again once its object is closed", async () => {
    const { db, columnar, raw, warehouseIds, files, copiedIds } = await loaded();
    await runWarehouseEtl({ db, raw, trigger: "test", now: CLOSED, copy: columnar.copy });
    const merged = files("hr=day");
    expect(merged).toHaveLength(1);

    const lateHour = CLOSED - H;
    const late = randomUUID();
    await raw.put(`${hourPrefix(lateHour)}9-late.ndjson`, `${line(late, "s1", T + 30_000)}\n`);
    const run = await runWarehouseEtl({ db, raw, trigger: "test", now: CLOSED, copy: columnar.copy });
    expect(run).toMatchObject({ status: "succeeded", loaded: 1 });
    expect([files("hr=day").length, files("hr=09").length]).toEqual([1, 1]);
    expect(await copiedIds()).toEqual(await warehouseIds());

    await runWarehouseEtl({ db, raw, trigger: "test", now: lateHour + (LATE_HOURS + 2) * H, copy: columnar.copy });
    expect(files("hr=day")).toEqual([expect.stringMatching(/^compact-/)]);
    expect(files("hr=day")).not.toEqual(merged);
    expect(files("hr=09")).toEqual([]);
    expect(await copiedIds()).toEqual(await warehouseIds());
    expect(await copiedIds()).toContain(late);
  });
});
