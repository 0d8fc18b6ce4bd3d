import type { LakeRow } from "@/lib/lake/tables";
import type { ParquetColumn } from "@/lib/ports/parquet-file-writer";

/** Rows as newline-delimited JSON in chunks, for DuckDB to read from a temp file. */

/** Array rows as NDJSON objects keyed by column name, 2,000 rows a chunk. */
export function* arrayRowChunks(
  columns: readonly ParquetColumn[],
  rows: readonly (readonly unknown[])[],
): Generator<string> {
  for (let i = 0; i < rows.length; i += 2000) {
    let chunk = "";
    for (const r of rows.slice(i, i + 2000))
      chunk += `${JSON.stringify(Object.fromEntries(columns.map((c, j) => [c.name, r[j] ?? null])))}\n`;
    yield chunk;
  }
}

/** Rows as NDJSON, 2,000 rows a chunk. */
export function* ndjsonChunks(rows: readonly LakeRow[]): Generator<string> {
  for (let i = 0; i < rows.length; i += 2000) {
    let chunk = "";
    const end = Math.min(rows.length, i + 2000);
    for (let j = i; j < end; j++) chunk += `${JSON.stringify(rows[j])}\n`;
    yield chunk;
  }
}
