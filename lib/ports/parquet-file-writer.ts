/**
 * Column types a Parquet file written through `ParquetFileWriter` can hold. Timestamps arrive as
 * epoch milliseconds and are stored UTC-adjusted; `money` is an exact decimal with two places.
 */
export type ParquetColumnType = "text" | "timestamp" | "boolean" | "integer" | "money";

export interface ParquetColumn {
  name: string;
  type: ParquetColumnType;
}

/** Writes rows (arrays in column order) as one Parquet file at a local path, replacing what was there. */
export interface ParquetFileWriter {
  writeFile(columns: readonly ParquetColumn[], rows: readonly (readonly unknown[])[], file: string): Promise<void>;
  /**
   * Merges Parquet files into one at `file`, rows ordered by the `orderBy` columns; returns the rows
   * written, after checking the new file holds as many rows as the inputs.
   */
  mergeFiles(inputs: readonly string[], file: string, orderBy: readonly string[]): Promise<number>;
  /**
   * Writes the per-session summary (`lib/clickstream/session-summary.ts`) of the sessions starting
   * on `day` (yyyy-mm-dd) from the copy's event files of that day and the next; returns its rows.
   */
  summarizeSessions(inputs: readonly string[], day: string, file: string): Promise<number>;
}
