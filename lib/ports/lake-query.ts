import type { TableName } from "@/lib/schemas/lake";

/** A value bound to a `?` placeholder. User input only ever reaches SQL this way. */
export type LakeParam = string | number;

/**
 * The SQL differences between engines. Domain queries are written once against this: they put
 * `?` where a value goes and call these for table sources and engine-specific functions.
 */
export interface LakeDialect {
  readonly engine: "duckdb" | "athena";
  /**
   * FROM-clause source of a lake table (partition columns `dt`, `hr` are strings). With `days`
   * (the query's window, yyyy-mm-dd), an engine that lists partitions itself may read only those;
   * the query must still carry its own `dt` condition.
   */
  table(name: TableName, days?: { from: string; to: string }): string;
  /** Epoch milliseconds (a number) of a timestamp column. */
  epochMs(column: string): string;
  /** A timestamp from an epoch-milliseconds expression. */
  msToTimestamp(expr: string): string;
  /** A timestamp from an ISO-8601 string parameter. */
  timestampParam(): string;
  /** Whether the string array column holds the parameter. */
  listContains(column: string): string;
  /** An array column as JSON text (results carry no engine-specific array values). */
  listAsJson(column: string): string;
  /** Case-insensitive "contains" of a parameter (the parameter is the bare needle). */
  containsText(column: string): string;
  /** Keyword after `WITH name AS` that computes a CTE once even when used several times ("" where the engine has none). */
  readonly materialized: string;
  /** UTC day (yyyy-mm-dd) of a timestamp column. */
  day(column: string): string;
  /**
   * The scalar at `path` (`$.a.b`, `$[0].c`: plain keys and indexes) in a JSON text column, as
   * text; NULL when the path is absent or holds JSON null.
   */
  jsonText(column: string, path: string): string;
  /** Whether a regular expression (a SQL string literal) matches anywhere in `expr` (unanchored, as both engines' search). */
  regexMatch(expr: string, patternLiteral: string): string;
}

export interface LakeQueryStats {
  /** Time the engine reports (Athena) or we measure around the call (DuckDB). */
  engineMs: number;
  /** Bytes read from the lake when the engine reports it. */
  bytesScanned: number | null;
}

export interface LakeQueryResult<T> {
  rows: T[];
  stats: LakeQueryStats;
}

/**
 * Read-only SQL over the lake tables. Rows come back as plain JSON values (numbers, strings,
 * booleans, null; timestamps as text — select `dialect.epochMs(col)` to compute with them). A query
 * the engine refuses is `query_failed`; an aborted signal (before or during the query) `cancelled`.
 */
export interface LakeQueryEngine {
  readonly dialect: LakeDialect;
  query<T extends Record<string, unknown>>(
    sql: string,
    params: readonly LakeParam[],
    opts?: { signal?: AbortSignal },
  ): Promise<LakeQueryResult<T>>;
  close(): Promise<void>;
}

/** The same engine with every query tied to `signal` (a route passes its request's, so a client going away stops the query). */
export const withSignal = (engine: LakeQueryEngine, signal: AbortSignal | undefined): LakeQueryEngine =>
  signal
    ? {
        dialect: engine.dialect,
        query: (sql, params, opts) => engine.query(sql, params, { signal: opts?.signal ?? signal }),
        close: () => engine.close(),
      }
    : engine;
