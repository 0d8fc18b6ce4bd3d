import type { LakeDialect } from "@/lib/ports/lake-query";

/**
 * The two engines' SQL differences written out as readable tokens, so a query builder's test can
 * see where it placed each one.
 */
export const readableDialect = (engine: "duckdb" | "athena"): LakeDialect => ({
  engine,
  table: (name, days) => `${engine}_${name}[${days?.from}..${days?.to}]`,
  epochMs: (c) => `ms(${c})`,
  materialized: engine === "duckdb" ? "MATERIALIZED" : "",
  msToTimestamp: (e) => `ts(${e})`,
  timestampParam: () => "CAST(? AS TIMESTAMP)",
  listContains: (c) => `has(${c}, ?)`,
  listAsJson: (c) => `json(${c})`,
  containsText: (c) => `${c} ~ ?`,
  day: (c) => `day(${c})`,
  jsonText: (c, p) => `json(${c}, ${p})`,
  regexMatch: (e, p) => `re(${e}, ${p})`,
});
