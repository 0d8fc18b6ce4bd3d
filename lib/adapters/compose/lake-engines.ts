/**
 * DuckDB-backed engines (a native addon) and the import worker pool. Only what writes or reads local
 * Parquet imports this file — the lake ETL Lambda (which installs DuckDB beside its bundle), the
 * scripts, and the local app server (lazily) — so no other bundle meets the addon.
 */
import os from "node:os";
import path from "node:path";
import type { ColumnarCopy } from "@/lib/clickstream/columnar-copy";
import { CLICKSTREAM_COPY_PREFIX } from "@/lib/clickstream/columnar-glue";
import type { Env } from "@/lib/env";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { DuckDbEventLake } from "../duckdb/duckdb-event-lake";
import { DuckDbLakeQuery } from "../duckdb/duckdb-lake-query";
import { DuckDbParquetWriter } from "../duckdb/parquet-writer";
import { LakeWorkerPool } from "../local/lake-worker-pool";
import { bucketStore, clickstreamColumnarDirs, objectStoreAt } from "./stores";

/** DuckDB writing normalized rows as Parquet. */
export const openParquetWriter = (opts: { threads?: number; memoryLimit?: string }) => DuckDbParquetWriter.create(opts);

/** Worker threads for bulk imports (scripts: not inside the Next bundle). */
export const openLakeWorkerPool = (opts: { threads?: number } = {}) => LakeWorkerPool.create(opts);

/** DuckDB over the local Parquet lake. */
export const openLocalLakeQuery = (root: string, opts: { connections?: number; threads?: number } = {}) =>
  DuckDbLakeQuery.open(root, opts);

/** Where the warehouse ETL writes the clickstream's columnar copy locally: DuckDB writing Parquet under the lake. */
export async function openLocalColumnarCopy(env: Pick<Env, "dataDir">): Promise<{ copy: ColumnarCopy; close(): void }> {
  const dirs = clickstreamColumnarDirs(env);
  const writer = await DuckDbParquetWriter.create({ threads: 1, memoryLimit: "512MB" });
  return { copy: { store: objectStoreAt(dirs.root), writer, stagingDir: dirs.staging }, close: () => writer.close() };
}

/**
 * The columnar copy in AWS: Parquet written by DuckDB, staged in the Lambda's /tmp (a crash leaves
 * nothing there that matters: the next run rewrites unpublished objects from the raw ones) and
 * published to the processed-lake bucket under `clickstream/`, where Glue's table reads it.
 */
export async function openS3ColumnarCopy(bucket: string): Promise<{ copy: ColumnarCopy; close(): void }> {
  const writer = await DuckDbParquetWriter.create({ threads: 2, memoryLimit: "1GB" });
  return {
    copy: {
      store: bucketStore(bucket, undefined, CLICKSTREAM_COPY_PREFIX),
      writer,
      stagingDir: path.join(os.tmpdir(), "staging-clickstream"),
    },
    close: () => writer.close(),
  };
}

/** A columnar copy in a local directory, read by a local lake engine (the app's own). */
export const eventLakeAt = (engine: LakeQueryEngine, root: string): EventLakeQuery => new DuckDbEventLake(engine, root);

/** The local columnar copy under the data dir. */
export const localEventLake = (engine: LakeQueryEngine, env: Pick<Env, "dataDir">): EventLakeQuery =>
  eventLakeAt(engine, clickstreamColumnarDirs(env).root);
