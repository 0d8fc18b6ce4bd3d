import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { FsObjectStore } from "./fs-object-store";

test("temp files of writers that died are removed on start; live writers' and objects are kept", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "fs-store-"));
  const store = new FsObjectStore(root);
  await store.put("events/2026/12/07/01/a.ndjson", "kept\n");
  // A pid that no longer runs: a child that has exited.
  const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid as number;
  const dir = path.join(root, "events/2026/12/07/01");
  fs.writeFileSync(path.join(dir, `b.ndjson.${dead}.x1y2.tmp`), "half a batch");
  fs.writeFileSync(path.join(dir, `c.ndjson.${process.pid}.z9.tmp`), "being written");
  fs.writeFileSync(path.join(dir, "d.ndjson.tmp"), "old copy");
  fs.utimesSync(
    path.join(dir, "d.ndjson.tmp"),
    new Date(Date.now() - 2 * 3_600_000),
    new Date(Date.now() - 2 * 3_600_000),
  );
  fs.writeFileSync(path.join(dir, "e.ndjson.tmp"), "fresh copy");

  expect(await store.removeStaleTempFiles()).toBe(2);
  expect(fs.readdirSync(dir).sort()).toEqual(["a.ndjson", `c.ndjson.${process.pid}.z9.tmp`, "e.ndjson.tmp"]);
  const keys: string[] = [];
  for await (const o of store.list("events/")) keys.push(o.key);
  expect(keys).toEqual(["events/2026/12/07/01/a.ndjson"]);
});
