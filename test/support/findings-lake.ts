import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { processObject } from "@/lib/lake/process-object";
import { tempDir } from "./databases";

/** The days the fixture lake's CloudTrail and GuardDuty objects fall in. */
export const FIXTURE_WINDOW = { from: "2026-11-19T00:00:00Z", to: "2026-11-22T00:00:00Z" };

/** Strings that would change a query if they were ever concatenated into SQL. */
export const INJECTIONS = ["' OR '1'='1", "x'); DROP TABLE findings; --", "%' OR 1=1 --", "\\' OR 1=1 --", '" OR ""="'];

/**
 * A lake built by the real ETL from the CloudTrail, GuardDuty and VPC Flow fixtures (no CloudWatch
 * Logs), opened with DuckDB. The caller closes it.
 */
export async function openFixtureLake(): Promise<DuckDbLakeQuery> {
  const lakeRoot = tempDir("findings-lake");
  const writer = await DuckDbParquetWriter.create({ threads: 2 });
  const store = new FsObjectStore(lakeRoot);
  const fixtures: [string, string][] = [
    ["cloudtrail-records.json", "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/ct_a.json.gz"],
    ["guardduty-export.jsonl", "AWSLogs/111122223333/GuardDuty/us-east-1/2026/11/20/gd.jsonl.gz"],
    ["vpcflow-v5-custom.log", "AWSLogs/111122223333/vpcflowlogs/us-east-1/2025/11/20/flow.log.gz"],
  ];
  for (const [name, key] of fixtures) {
    await processObject({
      sourceKey: key,
      bytes: gzipSync(fs.readFileSync(path.resolve("test/fixtures/lake", name))),
      lake: store,
      writer,
      stagingRoot: path.join(lakeRoot, ".staging"),
    });
  }
  writer.close();
  return DuckDbLakeQuery.open(lakeRoot, { connections: 3 });
}
