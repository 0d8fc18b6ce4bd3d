import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { ObjectStore } from "@/lib/ports/object-store";
import { tempDir } from "@/test/support/databases";
import { OBJECT_STORE_TARGETS, type ObjectStoreTarget, type OpenObjectStore } from "@/test/support/object-stores";

const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString("utf8"));

async function listed(store: ObjectStore, prefix: string) {
  const out: { key: string; size: number; modified: Date }[] = [];
  for await (const o of store.list(prefix)) out.push(o);
  return out;
}

/** A fresh store for every test of the enclosing suite. */
function useStore(target: ObjectStoreTarget): { readonly store: ObjectStore } {
  let opened: OpenObjectStore | undefined;
  beforeEach(async () => {
    opened = await target.open();
  });
  afterEach(async () => opened?.close());
  return {
    get store() {
      if (!opened) throw new Error("the store is opened per test");
      return opened.store;
    },
  };
}

describe.each(OBJECT_STORE_TARGETS)("ObjectStore contract on $name: reading and writing", (target) => {
  const s = useStore(target);

  test("put then get returns the same bytes, for binary and text bodies", async () => {
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    await s.store.put("raw/all-bytes.bin", binary, "application/octet-stream");
    await s.store.put("raw/text.json", '{"name":"Zoë ✓"}', "application/json");
    expect(Buffer.from(await s.store.get("raw/all-bytes.bin")).equals(Buffer.from(binary))).toBe(true);
    expect(text(await s.store.get("raw/text.json"))).toBe('{"name":"Zoë ✓"}');
    expect(text(await s.store.getOptional("raw/text.json"))).toBe('{"name":"Zoë ✓"}');
  });

  test("a missing key is null for getOptional, and get rejects", async () => {
    await s.store.put("present/a.txt", "a");
    expect(await s.store.getOptional("present/b.txt")).toBeNull();
    expect(await s.store.getOptional("absent/a.txt")).toBeNull();
    await expect(s.store.get("present/b.txt")).rejects.toThrow();
  });

  test("put on an existing key replaces its bytes and its listed size", async () => {
    await s.store.put("manifests/run.json", "first version, longer");
    await s.store.put("manifests/run.json", "second");
    expect(text(await s.store.get("manifests/run.json"))).toBe("second");
    expect((await listed(s.store, "manifests/")).map((o) => [o.key, o.size])).toEqual([["manifests/run.json", 6]]);
  });

  test("putFile stores a finished local file's bytes under the key and consumes the local file", async () => {
    const local = path.join(tempDir("put-file"), "part-0.parquet");
    fs.writeFileSync(local, Buffer.from([0x50, 0x41, 0x52, 0x31, 0x00, 0xff]));
    await s.store.putFile("processed/findings/dt=2026-11-20/hr=09/part-0.parquet", local);
    const bytes = await s.store.get("processed/findings/dt=2026-11-20/hr=09/part-0.parquet");
    expect([...bytes]).toEqual([0x50, 0x41, 0x52, 0x31, 0x00, 0xff]);
    expect(fs.existsSync(local)).toBe(false);
  });
});

describe.each(OBJECT_STORE_TARGETS)("ObjectStore contract on $name: listing and deleting", (target) => {
  const s = useStore(target);

  test("list yields every key under a prefix in key order, across pages, with sizes and times", async () => {
    const before = Date.now();
    const keys = [
      "processed/findings/dt=2026-11-21/hr=00/b.parquet",
      "processed/findings/dt=2026-11-20/hr=13/a.parquet",
      "processed/findings/dt=2026-11-20/hr=09/c.parquet",
      "processed/findings/dt=2026-11-20/hr=09/a.parquet",
      "processed/cloudtrail/dt=2026-11-20/hr=09/a.parquet",
      "raw/findings.json",
    ];
    for (const [i, k] of keys.entries()) await s.store.put(k, "x".repeat(i + 1));
    const found = await listed(s.store, "processed/findings/");
    expect(found.map((o) => o.key)).toEqual([
      "processed/findings/dt=2026-11-20/hr=09/a.parquet",
      "processed/findings/dt=2026-11-20/hr=09/c.parquet",
      "processed/findings/dt=2026-11-20/hr=13/a.parquet",
      "processed/findings/dt=2026-11-21/hr=00/b.parquet",
    ]);
    expect(found.map((o) => o.size)).toEqual([4, 3, 2, 1]);
    for (const o of found) {
      expect(o.modified).toBeInstanceOf(Date);
      // S3 keeps times to the second, and a filesystem's clock can lag a little: a window, not an instant.
      expect(o.modified.getTime()).toBeGreaterThanOrEqual(before - 2000);
      expect(o.modified.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect((await listed(s.store, "")).length).toBe(keys.length);
  });

  test("a prefix is a string prefix: it can end inside a key segment", async () => {
    for (const k of ["events/2026/11/a.ndjson", "events/2026/12/b.ndjson", "events/2027/01/c.ndjson", "ev.txt"])
      await s.store.put(k, "x");
    expect((await listed(s.store, "events/2026/1")).map((o) => o.key)).toEqual([
      "events/2026/11/a.ndjson",
      "events/2026/12/b.ndjson",
    ]);
    expect((await listed(s.store, "events/2026/11/a")).map((o) => o.key)).toEqual(["events/2026/11/a.ndjson"]);
  });

  test("a prefix with nothing under it lists nothing", async () => {
    await s.store.put("raw/a.json", "{}");
    expect(await listed(s.store, "processed/")).toEqual([]);
    expect(await listed(s.store, "raw/b")).toEqual([]);
  });

  test("delete removes the keys given, leaves the others, and ignores keys that do not exist", async () => {
    for (const k of ["t/a", "t/b", "t/c"]) await s.store.put(k, k);
    await s.store.delete(["t/a", "t/c", "t/never-written"]);
    expect(await s.store.getOptional("t/a")).toBeNull();
    expect(await s.store.getOptional("t/c")).toBeNull();
    expect(text(await s.store.getOptional("t/b"))).toBe("t/b");
    expect((await listed(s.store, "t/")).map((o) => o.key)).toEqual(["t/b"]);
    await s.store.delete([]);
  });
});
