import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { ParquetColumn, ParquetColumnType, ParquetFileWriter } from "@/lib/ports/parquet-file-writer";
import { COL, COLUMNS, isTimestampColumn, TYPES, type WarehouseRow } from "./warehouse-rows";

/**
 * The columnar copy of the warehouse: the events each raw object put into `clickstream_events`, as
 * Parquet under `events/dt=YYYY-MM-DD/hr=HH/<object id>.parquet` (event time, UTC; one file per
 * object and hour, named after the object, so writing an object again replaces its files). Files
 * are written to a local staging directory first and published (moved into the store) once the
 * object's load transaction has committed; see `columnar-records.ts` for what a crash leaves. Once a
 * day can no longer change, its files are merged into one (`columnar-compaction.ts`).
 */
export interface ColumnarCopy {
  store: ObjectStore;
  writer: ParquetFileWriter;
  /** A local directory only the warehouse ETL uses (locally on the store's filesystem, so publishing is a rename). */
  stagingDir: string;
}

const PARQUET_TYPE: Record<string, ParquetColumnType> = {
  uuid: "text",
  text: "text",
  bool: "boolean",
  numeric: "money",
  int4: "integer",
};

/**
 * The warehouse's columns, in row order, as the Parquet files hold them: all but the user agent
 * (the last column; funnels never read it, and files written before it existed stay alike).
 */
export const COLUMNAR_COLUMNS: ParquetColumn[] = COLUMNS.flatMap((name, i) =>
  name === "user_agent"
    ? []
    : [{ name, type: isTimestampColumn(name) ? "timestamp" : (PARQUET_TYPE[TYPES[i] as string] ?? "text") }],
);

/** Stable id of a raw object: its files are named after it. */
export const columnarObjectId = (objectKey: string) =>
  createHash("sha256").update(objectKey).digest("hex").slice(0, 20);

/** The partition (`dt=…/hr=…`) of an event time in epoch ms. */
export function partitionOfMs(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `dt=${iso.slice(0, 10)}/hr=${iso.slice(11, 13)}`;
}

/** Key of an object's file in a partition. */
export const columnarKey = (part: string, objectKey: string) => `events/${part}/${columnarObjectId(objectKey)}.parquet`;

/** An object's files written to staging, not yet in the store. */
export interface StagedCopy {
  objectKey: string;
  /** How many events the files hold. */
  rows: number;
  files: { part: string; local: string }[];
}

/** Rows with each event id once (its first occurrence, as the warehouse insert keeps it). */
export function keepFirstOccurrence(rows: readonly WarehouseRow[]): WarehouseRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r[COL.id] as string) && seen.add(r[COL.id] as string));
}

/** The partitions an object's events fall in, in order. */
export const partitionsOf = (rows: readonly WarehouseRow[]) =>
  [...new Set(rows.map((r) => partitionOfMs(r[COL.ts] as number)))].sort();

/** Writes an object's events to staging, one file per event hour, replacing what it staged before. */
export async function stageColumnarObject(
  copy: ColumnarCopy,
  objectKey: string,
  rows: readonly WarehouseRow[],
): Promise<StagedCopy> {
  const dir = path.join(copy.stagingDir, columnarObjectId(objectKey));
  fs.rmSync(dir, { recursive: true, force: true });
  const byPart = new Map<string, WarehouseRow[]>();
  for (const r of rows) {
    const part = partitionOfMs(r[COL.ts] as number);
    const list = byPart.get(part);
    if (list) list.push(r);
    else byPart.set(part, [r]);
  }
  const files: StagedCopy["files"] = [];
  for (const [part, list] of [...byPart].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const local = path.join(dir, ...part.split("/"), `${columnarObjectId(objectKey)}.parquet`);
    await copy.writer.writeFile(COLUMNAR_COLUMNS, list, local);
    files.push({ part, local });
  }
  return { objectKey, rows: rows.length, files };
}

/** Moves staged files into the store (each replaces the object's earlier file in its partition). */
export async function publishColumnarObject(copy: ColumnarCopy, staged: StagedCopy): Promise<void> {
  for (const f of staged.files) await copy.store.putFile(columnarKey(f.part, staged.objectKey), f.local);
  fs.rmSync(path.join(copy.stagingDir, columnarObjectId(staged.objectKey)), { recursive: true, force: true });
}

/** Removes everything staged (under the ETL lease: no other run is staging). */
export function sweepColumnarStaging(copy: ColumnarCopy): number {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(copy.stagingDir);
  } catch {
    return 0;
  }
  for (const e of entries) fs.rmSync(path.join(copy.stagingDir, e), { recursive: true, force: true });
  return entries.length;
}
