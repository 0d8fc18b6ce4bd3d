import fs from "node:fs";
import path from "node:path";
import type { DuckDBType, DuckDBValue } from "@duckdb/node-api";
import { duckDbDialect } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { q } from "@/lib/adapters/duckdb/sql-types";
import { TABLE_NAMES, type TableName } from "@/lib/lake/tables";

/**
 * Athena applies execution parameters by putting each one, as written, where its `?` stands; a
 * `?` inside a string literal, a quoted identifier or a comment is not a placeholder. A count that
 * does not match fails the query, as Athena does.
 */
export function bindParameters(sql: string, params: readonly string[]): string {
  let out = "";
  let used = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    const quote = c === "'" || c === '"' ? c : null;
    const comment = c === "-" && sql[i + 1] === "-";
    if (quote || comment) {
      const end = comment ? sql.indexOf("\n", i) : skipQuoted(sql, i, quote as string);
      const stop = end < 0 ? sql.length : end + (comment ? 0 : 1);
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "?") {
      if (used >= params.length)
        throw new Error(`Incorrect number of parameters: more than ${params.length} placeholders`);
      out += params[used++];
    } else out += c;
  }
  if (used !== params.length)
    throw new Error(`Incorrect number of parameters: expected ${used} but found ${params.length}`);
  return out;
}

/** Index of the quote closing the literal opened at `start` (a doubled quote is an escaped one). */
function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const end = sql.indexOf(quote, i);
    if (end < 0) return -1;
    if (sql[end + 1] !== quote) return end;
    i = end + 2;
  }
}

const ATHENA_TYPES: [RegExp, string][] = [
  [/^VARCHAR$/, "varchar"],
  [/^(BIGINT|HUGEINT|UBIGINT)$/, "bigint"],
  [/^(INTEGER|UINTEGER|USMALLINT)$/, "integer"],
  [/^(SMALLINT|UTINYINT)$/, "smallint"],
  [/^TINYINT$/, "tinyint"],
  [/^DOUBLE$/, "double"],
  [/^FLOAT$/, "real"],
  [/^DECIMAL/, "decimal"],
  [/^BOOLEAN$/, "boolean"],
  [/^TIMESTAMP/, "timestamp"],
  [/^DATE$/, "date"],
  [/\[\]$/, "array"],
];

/** The type name Athena's result metadata gives a column of this DuckDB type. */
export function athenaType(t: DuckDBType): string {
  const name = String(t);
  const hit = ATHENA_TYPES.find(([re]) => re.test(name));
  if (!hit) throw new Error(`fake Athena: no Athena type for DuckDB ${name}`);
  return hit[1];
}

/** A result cell as Athena returns it: text in VarCharValue, nothing at all for NULL. */
export const cellOf = (v: DuckDBValue): { VarCharValue?: string } => (v === null ? {} : { VarCharValue: String(v) });

/** The Glue catalog's tables over the lake root: one view per table in schema `database`, and bytes per table. */
export function catalogOf(lakeRoot: string, database: string) {
  const local = duckDbDialect(lakeRoot);
  const dirOf = (t: TableName) => path.join(lakeRoot, "processed", t);
  const parquet = (t: TableName) =>
    fs.existsSync(dirOf(t))
      ? fs
          .readdirSync(dirOf(t), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith(".parquet"))
          .map((f) => path.join(dirOf(t), f))
      : [];
  const source = (t: TableName) =>
    parquet(t).length === 0
      ? local.table(t)
      : `read_parquet(${q(`${dirOf(t)}/*/*/*.parquet`)}, hive_partitioning = true, hive_types = {'dt': VARCHAR, 'hr': VARCHAR}, union_by_name = true)`;
  const schema = `"${database.replace(/"/g, '""')}"`;
  return {
    ddl: [
      `CREATE SCHEMA ${schema}`,
      ...TABLE_NAMES.map((t) => `CREATE VIEW ${schema}."${t}" AS SELECT * FROM ${source(t)}`),
      // The Trino functions the Athena dialect writes, in DuckDB terms.
      "CREATE MACRO to_unixtime(t) AS epoch(t)",
      "CREATE MACRO from_unixtime(s) AS make_timestamp(CAST(s * 1000000 AS BIGINT))",
      "CREATE MACRO date_format(t, f) AS strftime(t, f)",
      "CREATE MACRO json_extract_scalar(j, p) AS json_extract_string(j, p)",
      "CREATE MACRO regexp_like(s, p) AS regexp_matches(s, p)",
      "CREATE MACRO json_format(j) AS CAST(j AS VARCHAR)",
    ],
    /** What Athena would report as scanned: the Parquet bytes of every table the query names. */
    bytesScanned(sql: string): number {
      return TABLE_NAMES.filter((t) => sql.includes(`${schema}."${t}"`))
        .flatMap(parquet)
        .reduce((n, f) => n + fs.statSync(f).size, 0);
    },
  };
}
