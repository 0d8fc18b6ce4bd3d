import type { ColumnType } from "@/lib/lake/tables";

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
