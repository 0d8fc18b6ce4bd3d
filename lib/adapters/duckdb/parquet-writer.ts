import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { CloudTrailBulk } from "@/lib/lake/cloudtrail-bulk";
import { type LakeRow, TABLES, type TableName } from "@/lib/lake/tables";
import type { ParquetColumn, ParquetFileWriter } from "@/lib/ports/parquet-file-writer";
import { cloudTrailBulkCopy, hourPartitionDir } from "./cloudtrail-bulk";
import { arrayRowChunks, ndjsonChunks } from "./ndjson-chunks";
import { buildSessionSummarySql } from "./session-summary-sql";
import { duckDbType, FILE_COLUMNS, filesSource, PARQUET_ZSTD, q } from "./sql-types";

function selectFor(table: TableName): string {
  return TABLES[table].columns
    .map((c) => (c.type === "timestamp" ? `epoch_ms(${c.name})::TIMESTAMP_MS AS ${c.name}` : c.name))
    .join(", ");
}

/** The Hive partition (`dt=…/hr=…`) of an epoch-ms time, named as DuckDB's PARTITION_BY names them. */
export function partitionOf(ms: unknown): string {
  if (typeof ms !== "number" || !Number.isFinite(ms))
    return "dt=__HIVE_DEFAULT_PARTITION__/hr=__HIVE_DEFAULT_PARTITION__";
  const iso = new Date(ms).toISOString();
  return `dt=${iso.slice(0, 10)}/hr=${iso.slice(11, 13)}`;
}

const readColumns = (table: TableName) =>
  `{${TABLES[table].columns.map((c) => `${q(c.name)}: ${q(duckDbType(c.type, "BIGINT"))}`).join(", ")}}`;

/**
 * Writes normalized rows as ZSTD Parquet, Hive-partitioned by event date and hour, with
 * DuckDB. Rows are grouped by partition here (cheaper than DuckDB's PARTITION_BY for the one or
 * two hours a raw object covers); each group goes through a newline-delimited JSON file in a temp
 * dir that DuckDB reads with an explicit schema (no inference) and writes as one Parquet file.
 * Output names are `<table>/dt=…/hr=…/<stem>_0.parquet`, so the same source object always lands
 * on the same files.
 */
export class DuckDbParquetWriter implements ParquetFileWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly tmpDir: string,
  ) {}

  static async create(opts: { threads?: number; memoryLimit?: string } = {}): Promise<DuckDbParquetWriter> {
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-etl-"));
    const instance = await DuckDBInstance.create(":memory:", {
      threads: String(opts.threads ?? Math.max(1, os.cpus().length)),
      memory_limit: opts.memoryLimit ?? "1GB",
      preserve_insertion_order: "false",
      // A merge's sort spills here, not to the working directory (read-only in Lambda).
      temp_directory: path.join(tmpDir, "spill"),
    });
    const conn = await instance.connect();
    return new DuckDbParquetWriter(instance, conn, tmpDir);
  }

  /** Writes `rows` of `table` under `<outRoot>/<table>/dt=…/hr=…/`; returns the files written. */
  async write(table: TableName, rows: readonly LakeRow[], outRoot: string, stem: string): Promise<string[]> {
    const { timeColumn } = TABLES[table];
    const groups = new Map<string, LakeRow[]>();
    for (const r of rows) {
      const part = partitionOf(r[timeColumn]);
      const list = groups.get(part);
      if (list) list.push(r);
      else groups.set(part, [r]);
    }
    const files: string[] = [];
    for (const [part, list] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const dir = path.join(outRoot, table, ...part.split("/"));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${stem}_0.parquet`);
      await this.writeTableFile(table, list, file);
      files.push(file);
    }
    return files;
  }

  /**
   * The CloudTrail bulk path: the `cloudtrail` table straight from the records' JSON (see
   * `./cloudtrail-bulk.ts`). Null, leaving nothing behind, when some record needs the
   * record-by-record path.
   */
  async writeCloudTrailBulk(bulk: CloudTrailBulk, outRoot: string, stem: string): Promise<string[] | null> {
    const tmp = this.writeTemp(bulk.ndjson);
    const outDir = path.join(outRoot, "cloudtrail");
    try {
      fs.mkdirSync(bulk.hour ? hourPartitionDir(outDir, bulk.hour) : outRoot, { recursive: true });
      await this.conn.run(cloudTrailBulkCopy(bulk, tmp, outDir, stem));
    } catch {
      fs.rmSync(outDir, { recursive: true, force: true });
      return null;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    return fs
      .readdirSync(outDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".parquet"))
      .sort()
      .map((f) => path.join(outDir, f));
  }

  /** Writes NDJSON (bytes, or text chunks one in memory at a time) to a new temp file; returns its path. */
  private writeTemp(content: Iterable<string> | Uint8Array): string {
    const tmp = path.join(this.tmpDir, `${randomBytes(6).toString("hex")}.ndjson`);
    if (content instanceof Uint8Array) {
      fs.writeFileSync(tmp, content);
      return tmp;
    }
    const fd = fs.openSync(tmp, "w");
    try {
      for (const chunk of content) fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    return tmp;
  }

  /** One Parquet file of array rows with the given columns (the clickstream's columnar copy). */
  async writeFile(
    columns: readonly ParquetColumn[],
    rows: readonly (readonly unknown[])[],
    file: string,
  ): Promise<void> {
    const tmp = this.writeTemp(arrayRowChunks(columns, rows));
    const read = `{${columns.map((c) => `${q(c.name)}: ${q(FILE_COLUMNS[c.type].read)}`).join(", ")}}`;
    const select = columns.map((c) => `${FILE_COLUMNS[c.type].store(c.name)} AS ${c.name}`).join(", ");
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await this.conn.run(
        `COPY (SELECT ${select} FROM read_json(${q(tmp)}, format='newline_delimited', columns=${read}, maximum_object_size=33554432))
        TO ${q(file)} (${PARQUET_ZSTD})`,
      );
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  /** Merges files into one ordered file. */
  async mergeFiles(inputs: readonly string[], file: string, orderBy: readonly string[]): Promise<number> {
    const src = filesSource(inputs);
    const count = async (from: string) => Number((await this.query(`SELECT count(*) AS n FROM ${from}`))[0]?.n);
    const expected = await count(src);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The instance writes unordered elsewhere (faster); the merged file keeps its sort.
    await this.conn.run("SET preserve_insertion_order = true");
    try {
      await this.conn.run(
        `COPY (SELECT * FROM ${src} ORDER BY ${orderBy.map((c) => `"${c.replace(/"/g, '""')}"`).join(", ")}) TO ${q(file)} (${PARQUET_ZSTD})`,
      );
    } finally {
      await this.conn.run("SET preserve_insertion_order = false");
    }
    const written = await count(`read_parquet(${q(file)})`);
    if (written !== expected) throw new Error(`merged file holds ${written} rows, the inputs ${expected}`);
    return written;
  }

  async summarizeSessions(inputs: readonly string[], day: string, file: string): Promise<number> {
    const src = filesSource(inputs);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.conn.run(
      `COPY (SELECT * FROM ${buildSessionSummarySql(src, { from: day, to: day })}) TO ${q(file)} (${PARQUET_ZSTD})`,
    );
    return Number((await this.query(`SELECT count(*) AS n FROM read_parquet(${q(file)})`))[0]?.n);
  }

  private async writeTableFile(table: TableName, rows: readonly LakeRow[], file: string): Promise<void> {
    const tmp = this.writeTemp(ndjsonChunks(rows));
    try {
      await this.conn.run(
        `COPY (SELECT ${selectFor(table)} FROM read_json(${q(tmp)}, format='newline_delimited', columns=${readColumns(table)}, maximum_object_size=33554432))
        TO ${q(file)} (${PARQUET_ZSTD})`,
      );
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
