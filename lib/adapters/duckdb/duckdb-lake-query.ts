import fs from "node:fs";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { AppError } from "@/lib/errors";
import { TABLES, type TableName } from "@/lib/lake/tables";
import { duckDbTableSource } from "@/lib/lake/views";
import type { LakeDialect, LakeParam, LakeQueryEngine, LakeQueryResult } from "@/lib/ports/lake-query";
import { duckDbType, q } from "./sql-types";

/** A table with no files yet (a lake without VPC Flow Logs, say) reads as empty, with its columns, instead of failing the query. */
const emptyTable = (name: TableName) =>
  `(SELECT ${[...TABLES[name].columns.map((c) => `CAST(NULL AS ${duckDbType(c.type, "TIMESTAMP")}) AS ${c.name}`), "CAST(NULL AS VARCHAR) AS dt", "CAST(NULL AS VARCHAR) AS hr"].join(", ")} WHERE false)`;

/** Partition directories (`dt=…`) of a table, optionally only those within `days`. */
function partitionDays(dir: string, days?: { from: string; to: string }): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.startsWith("dt="))
    .map((e) => e.slice(3))
    .filter((d) => !days || (d >= days.from && d <= days.to))
    .sort();
}

export const duckDbDialect = (lakeRoot: string): LakeDialect => ({
  engine: "duckdb",
  table: (name: TableName, days?: { from: string; to: string }) => {
    const dir = path.join(lakeRoot, "processed", name);
    const present = partitionDays(dir, days);
    if (present.length === 0) return emptyTable(name);
    if (!days) return duckDbTableSource(lakeRoot, name);
    // Listing the window's partitions ourselves saves DuckDB globbing every partition of the table.
    const globs = present.map((d) => q(`${dir}/dt=${d}/*/*.parquet`));
    return `read_parquet([${globs.join(", ")}], hive_partitioning = true, hive_types = {'dt': VARCHAR, 'hr': VARCHAR}, union_by_name = true)`;
  },
  epochMs: (c) => `epoch_ms(${c})`,
  materialized: "MATERIALIZED",
  msToTimestamp: (e) => `make_timestamp(CAST(${e} AS BIGINT) * 1000)`,
  timestampParam: () => "CAST(? AS TIMESTAMP)",
  listContains: (c) => `list_contains(${c}, ?)`,
  listAsJson: (c) => `CAST(to_json(${c}) AS VARCHAR)`,
  containsText: (c) => `contains(lower(${c}), lower(?))`,
  day: (c) => `strftime(${c}, '%Y-%m-%d')`,
  jsonText: (c, p) => `json_extract_string(${c}, ${q(p)})`,
  regexMatch: (e, pattern) => `regexp_matches(${e}, ${pattern})`,
});

/** JSON-friendly value: BIGINT → number, nested values → plain arrays/objects. */
function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  // Rows are plain JSON values (the port's promise): timestamps as ISO-8601 text, as Athena gives text.
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/**
 * Local lake queries: DuckDB over the Parquet partitions the ETL writes. One in-memory instance
 * per process and a small pool of connections, each used by one query at a time, so concurrent
 * requests neither share a connection nor queue behind one. Queries with a `dt` condition read
 * only those partitions (hive partition pruning).
 */
export class DuckDbLakeQuery implements LakeQueryEngine {
  readonly dialect: LakeDialect;
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: ((c: DuckDBConnection) => void)[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    lakeRoot: string,
  ) {
    this.dialect = duckDbDialect(lakeRoot);
  }

  static async open(lakeRoot: string, opts: { connections?: number; threads?: number } = {}): Promise<DuckDbLakeQuery> {
    const instance = await DuckDBInstance.create(":memory:", {
      threads: String(opts.threads ?? 2),
      memory_limit: "2GB",
      enable_external_access: "true",
    });
    const engine = new DuckDbLakeQuery(instance, lakeRoot);
    for (let i = 0; i < (opts.connections ?? 4); i++) engine.idle.push(await instance.connect());
    // Footers of files already read stay in memory: repeated views over the same partitions skip re-reading them.
    await engine.idle[0]?.run("SET GLOBAL parquet_metadata_cache = true");
    return engine;
  }

  private acquire(): Promise<DuckDBConnection> {
    const c = this.idle.pop();
    return c ? Promise.resolve(c) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(c: DuckDBConnection) {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  async query<T extends Record<string, unknown>>(
    sql: string,
    params: readonly LakeParam[],
    opts: { signal?: AbortSignal } = {},
  ): Promise<LakeQueryResult<T>> {
    if (opts.signal?.aborted) throw new AppError("cancelled", "The query was cancelled");
    const conn = await this.acquire();
    const onAbort = () => conn.interrupt();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const t0 = performance.now();
    try {
      const reader = await conn.runAndReadAll(sql, params as DuckDBValue[]);
      const rows = reader.getRowObjectsJS().map((r) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) out[k] = plain(v);
        return out as T;
      });
      return { rows, stats: { engineMs: performance.now() - t0, bytesScanned: null } };
    } catch (err) {
      const message = (err as Error).message;
      if (opts.signal?.aborted) throw new AppError("cancelled", "The query was cancelled");
      // No files yet for a table (a fresh lake) is an empty result, not an error.
      if (/No files found that match the pattern/.test(message)) {
        return { rows: [], stats: { engineMs: performance.now() - t0, bytesScanned: 0 } };
      }
      throw new AppError("query_failed", `The lake query failed: ${message}`);
    } finally {
      opts.signal?.removeEventListener("abort", onAbort);
      this.release(conn);
    }
  }

  async close(): Promise<void> {
    for (const c of this.idle.splice(0)) c.closeSync();
    this.instance.closeSync();
  }
}
