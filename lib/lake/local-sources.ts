import fs from "node:fs";
import path from "node:path";
import type { RawObject } from "./run-lake-etl";

/** Every file under the given files/directories, as raw objects keyed by path. */
export function* filesAsRawObjects(paths: readonly string[], keyOf: (abs: string) => string): Generator<RawObject> {
  const walk = function* (p: string): Generator<string> {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) yield* walk(path.join(p, e));
    } else if (st.isFile()) yield p;
  };
  for (const root of paths) {
    for (const abs of walk(path.resolve(root))) {
      const st = fs.statSync(abs);
      yield {
        key: keyOf(abs),
        size: st.size,
        etag: `${st.size}-${Math.floor(st.mtimeMs)}`,
        read: () => fs.promises.readFile(abs),
      };
    }
  }
}

/** Local lake layout under the data dir. */
export const lakePaths = (dataDir: string) => ({
  root: path.join(dataDir, "lake"),
  raw: path.join(dataDir, "lake", "raw"),
  staging: path.join(dataDir, "lake", ".staging"),
});
