import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ParquetColumn } from "@/lib/ports/parquet-file-writer";
import { tempDir } from "@/test/support/databases";
import { DuckDbParquetWriter } from "./parquet-writer";

const COLUMNS: ParquetColumn[] = [
  { name: "session_id", type: "text" },
  { name: "event_timestamp", type: "timestamp" },
  { name: "price", type: "money" },
];

describe("DuckDbParquetWriter.mergeFiles", () => {
  let writer: DuckDbParquetWriter;
  beforeAll(async () => {
    writer = await DuckDbParquetWriter.create({ threads: 2, memoryLimit: "256MB" });
  });
  afterAll(() => writer?.close());

  test("merges files into one ordered by the given columns, every row once", async () => {
    const dir = tempDir("merge");
    const a = path.join(dir, "a.parquet");
    const b = path.join(dir, "b.parquet");
    await writer.writeFile(
      COLUMNS,
      [
        ["s2", 2000, "1.50"],
        ["s1", 3000, null],
      ],
      a,
    );
    await writer.writeFile(
      COLUMNS,
      [
        ["s1", 1000, "2.00"],
        ["s3", 500, "0.10"],
        ["s2", 1000, null],
      ],
      b,
    );
    const out = path.join(dir, "out", "merged.parquet");
    expect(await writer.mergeFiles([a, b], out, ["session_id", "event_timestamp"])).toBe(5);
    const rows = await writer.query(`SELECT session_id, epoch_ms(event_timestamp) AS ms FROM read_parquet('${out}')`);
    expect(rows.map((r) => `${r.session_id}@${r.ms}`)).toEqual(["s1@1000", "s1@3000", "s2@1000", "s2@2000", "s3@500"]);
  });

  test("a merge's sort spills under the system temp dir, never the working directory (read-only in Lambda)", async () => {
    const [row] = await writer.query("SELECT current_setting('temp_directory') AS dir");
    expect(String(row?.dir).startsWith(fs.realpathSync(os.tmpdir())) || String(row?.dir).startsWith(os.tmpdir())).toBe(
      true,
    );
  });
});
