import fs from "node:fs";
import path from "node:path";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import type { ColumnarCopy } from "@/lib/clickstream/columnar-copy";
import { tempDir } from "./databases";

export interface TestColumnarCopy {
  copy: ColumnarCopy;
  root: string;
  /** Every row of the published files: event id, its partition and the file's name. */
  readRows(): Promise<{ event_id: string; dt: string; hr: string; file: string }[]>;
  /** Any query on the copy's DuckDB (a file's rows in stored order, say). */
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** A local columnar copy (store and staging in a temp dir) and a reader of what it published. */
export async function openTestColumnarCopy(): Promise<TestColumnarCopy> {
  const root = tempDir("columnar");
  const writer = await DuckDbParquetWriter.create({ threads: 1, memoryLimit: "256MB" });
  const store = new FsObjectStore(path.join(root, "store"));
  const copy: ColumnarCopy = { store, writer, stagingDir: path.join(root, "staging") };
  return {
    copy,
    root,
    async readRows() {
      const dir = path.join(root, "store", "events");
      if (!fs.existsSync(dir)) return [];
      const rows = await writer.query(
        `SELECT event_id, dt, hr, parse_filename(filename) AS file
         FROM read_parquet('${dir}/*/*/*.parquet', hive_partitioning = true, hive_types = {'dt': VARCHAR, 'hr': VARCHAR}, filename = true)
         ORDER BY event_id`,
      );
      return rows as { event_id: string; dt: string; hr: string; file: string }[];
    },
    query: (sql) => writer.query(sql),
    close: () => writer.close(),
  };
}
