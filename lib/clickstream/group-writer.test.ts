import { expect, test } from "vitest";
import type { ObjectStore } from "@/lib/ports/object-store";
import { GroupCommitWriter } from "./group-writer";

const memoryStore = (fail = false) => {
  const objects = new Map<string, string>();
  const store = {
    put: async (key: string, body: string | Uint8Array) => {
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error("disk full");
      objects.set(key, String(body));
    },
  } as unknown as ObjectStore;
  return { store, objects };
};

test("concurrent batches become one object; every caller resolves only after that write", async () => {
  const { store, objects } = memoryStore();
  const w = new GroupCommitWriter(store, 10);
  const keys = await Promise.all([
    w.write("events/a/", ["1", "2"]),
    w.write("events/a/", ["3"]),
    w.write("events/b/", ["4"]),
  ]);
  expect(keys[0]).toBe(keys[1]);
  expect(keys[2]).not.toBe(keys[0]);
  expect(objects.get(keys[0] as string)).toBe("1\n2\n3\n");
  expect(objects.get(keys[2] as string)).toBe("4\n");
});

test("a failed write rejects every batch in the group (none is answered 2xx)", async () => {
  const { store } = memoryStore(true);
  const w = new GroupCommitWriter(store, 5);
  const results = await Promise.allSettled([w.write("events/a/", ["1"]), w.write("events/a/", ["2"])]);
  expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
});
