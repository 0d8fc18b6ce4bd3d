import type { ColumnType } from "@/lib/lake/tables";
import type { ParquetColumnType } from "@/lib/ports/parquet-file-writer";

const BASE: Record<Exclude<ColumnType, "timestamp">, string> = {
  string: "VARCHAR",
  json: "VARCHAR",
  int: "INTEGER",
  bigint: "BIGINT",
  double: "DOUBLE",
  boolean: "BOOLEAN",
  "string[]": "VARCHAR[]",
};

/** DuckDB type of a lake column; timestamps as the caller needs them (staged as epoch-ms BIGINT, stored as TIMESTAMP_MS). */
export const duckDbType = (t: ColumnType, timestamp = "TIMESTAMP_MS") => (t === "timestamp" ? timestamp : BASE[t]);

/**
 * How the lake writes Parquet: ZSTD at level 1. Against the default level 3 it writes CloudTrail
 * about 2 µs/record faster, and on the bench:etl data the files came out no larger (37.8 vs 40.5 MB
 * for 400,000 records).
 */
export const PARQUET_ZSTD = "FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1";

/** A SQL string literal (single quotes doubled). */
export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** How a `ParquetFileWriter` column is read from the staged JSON and stored (timestamps UTC whatever the session's zone). */
export const FILE_COLUMNS: Record<ParquetColumnType, { read: string; store: (c: string) => string }> = {
  text: { read: "VARCHAR", store: (c) => c },
  timestamp: { read: "BIGINT", store: (c) => `timezone('UTC', epoch_ms(${c}))` },
  boolean: { read: "BOOLEAN", store: (c) => c },
  integer: { read: "INTEGER", store: (c) => c },
  money: { read: "DECIMAL(14,2)", store: (c) => c },
};

/** Copy files read together (columns by name, so older files missing a column still fit). */
export const filesSource = (files: readonly string[]) =>
  `read_parquet([${files.map(q).join(", ")}], union_by_name = true, hive_partitioning = false)`;
