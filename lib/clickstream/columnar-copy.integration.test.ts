import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { openTestColumnarCopy, type TestColumnarCopy } from "@/test/support/columnar-copy";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { isColumnarCopyComplete } from "./columnar-funnel";
import { hourPrefix } from "./ingest";
import { runWarehouseEtl } from "./run-warehouse-etl";

const H = 3600_000;
const T = Date.UTC(2026, 10, 24, 9, 30);

const line = (id: string, session: string, at: number, receivedAt = at) =>
  JSON.stringify({
    event: { eventId: id, eventName: "page_view", timestamp: at, clientId: `c-${session}`, sessionId: session },
    receivedAt,
    ip: null,
    userAgent: "test",
  });

/** A store that dies before any file is published: the process crashed after the load committed. */
const crashingBeforePublish = (store: ObjectStore): ObjectStore => ({
  get: (k) => store.get(k),
  getOptional: (k) => store.getOptional(k),
  put: (k, b) => store.put(k, b),
  putFile: async () => {
    throw new Error("the process died before publishing");
  },
  delete: (k) => store.delete(k),
  list: (p) => store.list(p),
});

describe.each(DB_TARGETS)("columnar copy of the warehouse on $name", (target) => {
  let db: PgDatabase;
  let columnar: TestColumnarCopy;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    columnar = await openTestColumnarCopy();
  });
  afterAll(async () => {
    columnar?.close();
    await db?.close();
  });
  const unpublished = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          "SELECT count(*) AS n FROM clickstream_columnar_objects WHERE published_at IS NULL",
        )
      )[0]?.n,
    );

  test("a crash between the load's commit and the publish: the next run writes the files, each event once", async () => {
    const raw = new FsObjectStore(tempDir("col-crash"));
    const [e1, e2, e3] = [randomUUID(), randomUUID(), randomUUID()];
    await raw.put(`${hourPrefix(T)}1-a.ndjson`, `${[line(e1, "s1", T), line(e2, "s1", T + 1000)].join("\n")}\n`);
    // e2 re-sent in a later object (a retry after a lost 2xx): the warehouse keeps a's, so must the copy.
    await raw.put(`${hourPrefix(T)}2-b.ndjson`, `${[line(e2, "s1", T + 1000), line(e3, "s2", T + 2000)].join("\n")}\n`);
    const crashed = { ...columnar.copy, store: crashingBeforePublish(columnar.copy.store) };
    const first = await runWarehouseEtl({ db, raw, trigger: "test", now: T + H, copy: crashed });
    expect(first).toMatchObject({ status: "partial", loaded: 3, duplicates: 1 });
    expect(await columnar.readRows()).toEqual([]);
    expect(await unpublished()).toBe(2);
    // A run that died before its commit left staged files no record names.
    const orphan = path.join(columnar.copy.stagingDir, "orphan", "dt=2026-11-24", "hr=09", "orphan.parquet");
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, "half a file");

    const second = await runWarehouseEtl({ db, raw, trigger: "test", now: T + H, copy: columnar.copy });
    expect(second).toMatchObject({ status: "succeeded", objects: 0, loaded: 0 });
    const rows = await columnar.readRows();
    expect(rows.map((r) => r.event_id)).toEqual([e1, e2, e3].sort());
    expect(new Set(rows.map((r) => r.file)).size).toBe(2); // one file per object and hour
    expect(await unpublished()).toBe(0);
    expect(fs.readdirSync(columnar.copy.stagingDir)).toEqual([]);

    // Died after publishing, before marking it: written again over the same name, still once.
    await db.query("UPDATE clickstream_columnar_objects SET published_at = NULL WHERE object_key LIKE '%2-b.ndjson'");
    const third = await runWarehouseEtl({ db, raw, trigger: "test", now: T + H, copy: columnar.copy });
    expect(third).toMatchObject({ status: "succeeded", objects: 0 });
    expect((await columnar.readRows()).map((r) => r.event_id)).toEqual([e1, e2, e3].sort());
    expect(await unpublished()).toBe(0);
  });

  test("a published file that went missing is written again by the next run", async () => {
    const raw = new FsObjectStore(tempDir("col-lost"));
    const t = T + 2 * H;
    const ids = [randomUUID(), randomUUID()];
    await raw.put(`${hourPrefix(t)}1-c.ndjson`, `${ids.map((id, i) => line(id, "s3", t + i)).join("\n")}\n`);
    await runWarehouseEtl({ db, raw, trigger: "test", now: t + H, copy: columnar.copy });
    const before = await columnar.readRows();
    const file = before.find((r) => r.event_id === ids[0])?.file ?? "";
    const lostPath = path.join(columnar.root, "store", "events", "dt=2026-11-24", "hr=11", file);
    expect(fs.existsSync(lostPath)).toBe(true);
    fs.rmSync(lostPath);
    expect((await columnar.readRows()).map((r) => r.event_id)).not.toContain(ids[0]);
    const again = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H, copy: columnar.copy });
    expect(again).toMatchObject({ status: "succeeded", objects: 0, loaded: 0 });
    expect(await columnar.readRows()).toEqual(before);
  });

  test("a copy that cannot be written never holds the warehouse back: the next run writes the files", async () => {
    const raw = new FsObjectStore(tempDir("col-writer"));
    const t = T + 3 * H;
    const ids = [randomUUID(), randomUUID()];
    await raw.put(`${hourPrefix(t)}1-w.ndjson`, `${ids.map((id, i) => line(id, "s4", t + i)).join("\n")}\n`);
    const broken = {
      ...columnar.copy,
      writer: {
        writeFile: async () => {
          throw new Error("disk full");
        },
        mergeFiles: async () => {
          throw new Error("disk full");
        },
        summarizeSessions: async () => {
          throw new Error("disk full");
        },
      },
    };
    const first = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H, copy: broken });
    expect(first).toMatchObject({ status: "partial", loaded: 2, failedObjects: 0 });
    expect((await columnar.readRows()).map((r) => r.event_id)).not.toContain(ids[0]);
    expect(await unpublished()).toBe(1);
    const second = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H, copy: columnar.copy });
    expect(second).toMatchObject({ status: "succeeded", objects: 0 });
    expect((await columnar.readRows()).map((r) => r.event_id)).toEqual(expect.arrayContaining(ids));
    expect(await unpublished()).toBe(0);
  });

  test("an object the warehouse refuses is in neither store; its staged files are swept", async () => {
    const raw = new FsObjectStore(tempDir("col-refused"));
    const t = T + 5 * H;
    await db.query(`CREATE FUNCTION refuse_boom() RETURNS trigger AS $$
      BEGIN IF NEW.session_id = 'boom' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await db.query(
      "CREATE TRIGGER refuse_boom BEFORE INSERT ON clickstream_events FOR EACH ROW EXECUTE FUNCTION refuse_boom()",
    );
    const bad = randomUUID();
    try {
      await raw.put(`${hourPrefix(t)}1-bad.ndjson`, `${line(bad, "boom", t)}\n`);
      const run = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H, copy: columnar.copy });
      expect(run).toMatchObject({ status: "partial", failedObjects: 1, loaded: 0 });
    } finally {
      await db.query("DROP TRIGGER refuse_boom ON clickstream_events");
      await db.query("DROP FUNCTION refuse_boom()");
    }
    expect((await columnar.readRows()).map((r) => r.event_id)).not.toContain(bad);
    expect(fs.readdirSync(columnar.copy.stagingDir).length).toBe(1); // staged before the refused transaction
    const [rec] = await db.query("SELECT 1 FROM clickstream_columnar_objects WHERE object_key LIKE '%-bad.ndjson'");
    expect(rec).toBeUndefined();
    // The next run sweeps it, retries the object (refused no more) and publishes it.
    const again = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H, copy: columnar.copy });
    expect(again).toMatchObject({ status: "succeeded", loaded: 1 });
    expect((await columnar.readRows()).map((r) => r.event_id)).toContain(bad);
    expect(fs.readdirSync(columnar.copy.stagingDir)).toEqual([]);
  });
  test("objects loaded before the copy existed get their files on the next run with it, each event once", async () => {
    const raw = new FsObjectStore(tempDir("col-before"));
    const t = T + 8 * H;
    const [e1, e2, e3, e4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await raw.put(`${hourPrefix(t)}1-a.ndjson`, `${[line(e1, "s8", t), line(e2, "s8", t + 1)].join("\n")}\n`);
    await raw.put(`${hourPrefix(t)}2-b.ndjson`, `${[line(e2, "s8", t + 1), line(e3, "s9", t + 2)].join("\n")}\n`);
    await raw.put(`${hourPrefix(t)}3-gone.ndjson`, `${line(e4, "s10", t + 3)}\n`);
    const before = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H }); // no copy yet
    expect(before).toMatchObject({ loaded: 4, duplicates: 1 });
    expect(await isColumnarCopyComplete(db)).toBe(false);
    await raw.delete([`${hourPrefix(t)}3-gone.ndjson`]); // expired before the copy came

    const run = await runWarehouseEtl({ db, raw, trigger: "test", now: t + H, copy: columnar.copy });
    expect(run).toMatchObject({ status: "succeeded", objects: 0 });
    const copied = (await columnar.readRows()).map((r) => r.event_id);
    expect(copied.length).toBe(new Set(copied).size);
    const stored = (
      await db.query<{ id: string }>("SELECT event_id::text AS id FROM clickstream_events ORDER BY 1")
    ).map((r) => r.id);
    expect(copied).toEqual(stored.filter((id) => id !== e4));
    expect(copied).toEqual(expect.arrayContaining([e1, e2, e3]));
    // The expired object's events are not in the copy, so funnels keep reading Postgres.
    expect(await isColumnarCopyComplete(db)).toBe(false);
  });
});
