/**
 * The test rules (test-rules/*.yml), compiled and run as `WHERE` conditions over CloudTrail
 * records that went through the real ETL into Parquet: on DuckDB through `DuckDbLakeQuery`, and
 * in the Athena dialect on the fake Athena's catalog (views per table, Trino functions as macros).
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { athenaDialect } from "@/lib/adapters/aws/athena-lake-query";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { processObject } from "@/lib/lake/process-object";
import { tempDir } from "@/test/support/databases";
import { bindParameters, catalogOf } from "@/test/support/fake-athena-sql";
import { loadSigmaRules } from "./load-sigma-rules";
import { SIGMA_EXPECTED, SIGMA_RECORDS } from "./test-rules/records";
import type { SigmaRuleSet } from "./types";

const DATABASE = "sightline";

interface Lake {
  duck: DuckDbLakeQuery;
  /** The fake Athena's catalog over the same Parquet, with the Trino macros. */
  athena: DuckDBConnection;
  close(): Promise<void>;
}

/** A lake holding the records, from a CloudTrail file written as `text`, with both engines over it. */
async function openLake(text: string): Promise<Lake> {
  const root = tempDir("sigma-lake");
  const writer = await DuckDbParquetWriter.create({ threads: 1 });
  try {
    const result = await processObject({
      sourceKey: `AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1000Z_sigma.json.gz`,
      bytes: gzipSync(text),
      lake: new FsObjectStore(root),
      writer,
      stagingRoot: path.join(root, ".staging"),
    });
    expect(result.rows.cloudtrail).toBe(SIGMA_RECORDS.length);
  } finally {
    writer.close();
  }
  const duck = await DuckDbLakeQuery.open(root, { connections: 2, threads: 1 });
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const athena = await instance.connect();
  for (const sql of catalogOf(root, DATABASE).ddl) await athena.run(sql);
  return {
    duck,
    athena,
    async close() {
      await duck.close();
      athena.closeSync();
      instance.closeSync();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

let set: SigmaRuleSet;
beforeAll(async () => {
  set = await loadSigmaRules(path.join(import.meta.dirname, "test-rules"));
});

const rule = (file: string) => {
  const found = set.rules.find((r) => r.file === file);
  if (!found) throw new Error(`${file} did not compile`);
  return found;
};

test("every test rule that compiles has its expected events, and nothing else compiled", () => {
  expect(set.rules.map((r) => r.file).sort()).toEqual(Object.keys(SIGMA_EXPECTED).sort());
});

// The ETL reads a compact trail document in bulk and a pretty-printed one record by record: both must give the same columns.
describe.each([
  ["compact (bulk ETL)", JSON.stringify({ Records: SIGMA_RECORDS })],
  ["pretty-printed (record-by-record ETL)", JSON.stringify({ Records: SIGMA_RECORDS }, null, 2)],
])("Sigma rules over a lake from a %s trail file", (_, text) => {
  let lake: Lake;
  beforeAll(async () => {
    lake = await openLake(text);
  });
  afterAll(async () => lake?.close());

  test.each(Object.entries(SIGMA_EXPECTED))("on DuckDB, %s selects exactly %j", async (file, ids) => {
    const d = lake.duck.dialect;
    const { rows } = await lake.duck.query<{ event_id: string }>(
      `SELECT event_id FROM ${d.table("cloudtrail")} WHERE ${rule(file).where(d)} ORDER BY event_id`,
      [],
    );
    expect(rows.map((r) => r.event_id)).toEqual(ids);
  });

  test.each(Object.entries(SIGMA_EXPECTED))("in the Athena dialect, %s selects exactly %j", async (file, ids) => {
    const d = athenaDialect(DATABASE);
    // As Athena takes it: no execution parameters, so the SQL must hold no `?` placeholder.
    const sql = bindParameters(
      `SELECT event_id FROM ${d.table("cloudtrail")} WHERE ${rule(file).where(d)} ORDER BY event_id`,
      [],
    );
    const reader = await lake.athena.runAndReadAll(sql);
    expect(reader.getRowObjectsJS().map((r) => r.event_id)).toEqual(ids);
  });

  test("a rule's condition negated selects every other event: no row is lost to NULL", async () => {
    const d = lake.duck.dialect;
    for (const [file, ids] of Object.entries(SIGMA_EXPECTED)) {
      const { rows } = await lake.duck.query<{ n: number }>(
        `SELECT count(*) AS n FROM ${d.table("cloudtrail")} WHERE NOT (${rule(file).where(d)})`,
        [],
      );
      expect(rows[0]?.n).toBe(SIGMA_RECORDS.length - ids.length);
    }
  });
});
