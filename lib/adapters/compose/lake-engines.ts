/**
 * DuckDB-backed engines (a native addon) and the import worker pool. Only what writes or reads local
 * Parquet imports this file — the lake ETL Lambda (which installs DuckDB beside its bundle), the
 * scripts, and the local app server (lazily) — so no other bundle meets the addon.
 */
import { DuckDbLakeQuery } from "../duckdb/duckdb-lake-query";
import { DuckDbParquetWriter } from "../duckdb/parquet-writer";
import { LakeWorkerPool } from "../local/lake-worker-pool";

/** DuckDB writing normalized rows as Parquet. */
export const openParquetWriter = (opts: { threads?: number; memoryLimit?: string }) => DuckDbParquetWriter.create(opts);

/** Worker threads for bulk imports (scripts: not inside the Next bundle). */
export const openLakeWorkerPool = (opts: { threads?: number } = {}) => LakeWorkerPool.create(opts);

/** DuckDB over the local Parquet lake. */
export const openLocalLakeQuery = (root: string, opts: { connections?: number; threads?: number } = {}) =>
  DuckDbLakeQuery.open(root, opts);
