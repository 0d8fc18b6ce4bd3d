import fs from "node:fs";
import path from "node:path";
import { filesAsRawObjects } from "./local-sources";

/** Files dropped into the local raw area, keyed like their S3 keys (path relative to the area). */
export function rawAreaObjects(rawDir: string) {
  if (!fs.existsSync(rawDir)) return [];
  return filesAsRawObjects([rawDir], (abs) => path.relative(rawDir, abs).split(path.sep).join("/"));
}
