import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { type LakeRow, TABLES, type TableName } from "@/lib/lake/tables";
import { duckDbType } from "./sql-types";

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

function selectFor(table: TableName): string {
  const { columns, timeColumn } = TABLES[table];
  const cols = columns.map((c) => (c.type === "timestamp" ? `epoch_ms(${c.name})::TIMESTAMP_MS AS ${c.name}` : c.name));
  const t = `epoch_ms(${timeColumn})`;
  return `${cols.join(", ")}, strftime(${t}, '%Y-%m-%d') AS dt, strftime(${t}, '%H') AS hr`;
}

const readColumns = (table: TableName) =>
  `{${TABLES[table].columns.map((c) => `${q(c.name)}: ${q(duckDbType(c.type, "BIGINT"))}`).join(", ")}}`;

/**
 * Writes normalized rows as ZSTD Parquet, Hive-partitioned by event date and hour, with
 * DuckDB. Rows go through a newline-delimited JSON file in a temp dir that DuckDB reads with
 * an explicit schema (no inference). Output names are `<stem>_<i>.parquet`, so the same
 * source object always lands on the same files.
 */
export class DuckDbParquetWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly tmpDir: string,
  ) {}

  static async create(opts: { threads?: number; memoryLimit?: string } = {}): Promise<DuckDbParquetWriter> {
    const instance = await DuckDBInstance.create(":memory:", {
      threads: String(opts.threads ?? Math.max(1, os.cpus().length)),
      memory_limit: opts.memoryLimit ?? "1GB",
      preserve_insertion_order: "false",
    });
    const conn = await instance.connect();
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-etl-"));
    return new DuckDbParquetWriter(instance, conn, tmpDir);
  }

  /** Writes `rows` of `table` under `<outRoot>/<table>/dt=…/hr=…/`; returns the files written. */
  async write(table: TableName, rows: readonly LakeRow[], outRoot: string, stem: string): Promise<string[]> {
    if (rows.length === 0) return [];
    const tmp = path.join(this.tmpDir, `${stem}-${table}-${randomBytes(4).toString("hex")}.ndjson`);
    const fd = fs.openSync(tmp, "w");
    try {
      // Chunked writes keep memory to one chunk of text at a time.
      for (let i = 0; i < rows.length; i += 2000) {
        let chunk = "";
        for (const r of rows.slice(i, i + 2000)) chunk += `${JSON.stringify(r)}\n`;
        fs.writeSync(fd, chunk);
      }
    } finally {
      fs.closeSync(fd);
    }
    try {
      const target = path.join(outRoot, table);
      fs.mkdirSync(target, { recursive: true });
      const sql = `COPY (SELECT ${selectFor(table)} FROM read_json(${q(tmp)}, format='newline_delimited', columns=${readColumns(table)}, maximum_object_size=33554432))
        TO ${q(target)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt, hr), FILENAME_PATTERN ${q(`${stem}_{i}`)}, OVERWRITE_OR_IGNORE true, RETURN_FILES true)`;
      const res = await this.conn.runAndReadAll(sql);
      const files = res.getRowObjectsJS()[0]?.Files;
      return Array.isArray(files) ? files.map(String) : [];
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  /** Runs a query (tests and the import summary read the produced Parquet with it). */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
  }
}
