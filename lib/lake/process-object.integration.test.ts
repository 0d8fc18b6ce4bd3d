import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { tempDir } from "@/test/support/databases";
import { glueTableInput } from "./glue";
import { processObject } from "./process-object";
import { TABLE_NAMES, TABLES } from "./tables";
import { duckDbTableSource, findingsCurrentSql } from "./views";

const fixture = (name: string) => fs.readFileSync(path.resolve("test/fixtures/lake", name));
const CT_KEY =
  "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_a1.json.gz";

let writer: DuckDbParquetWriter;
let root: string;
let lake: FsObjectStore;
const process = (sourceKey: string, bytes: Uint8Array) =>
  processObject({ sourceKey, bytes, lake, writer, stagingRoot: path.join(root, ".staging") });
const src = (t: string) => duckDbTableSource(root, t);
const snapshot = async (t: string) =>
  JSON.stringify(
    await writer.query(
      `SELECT * EXCLUDE (filename) FROM ${src(t)} ORDER BY source_key, source_ordinal, ${TABLES[t as "findings"].columns[0]?.name}`,
    ),
    (_k, v) => (typeof v === "bigint" ? String(v) : v),
  );
const listFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".parquet") || f.endsWith(".jsonl"))
        .sort()
    : [];

beforeAll(async () => {
  writer = await DuckDbParquetWriter.create({ threads: 2 });
  root = tempDir("lake");
  lake = new FsObjectStore(root);
});
afterAll(() => writer?.close());

describe("processObject → Parquet lake", () => {
  test("writes ZSTD Parquet partitioned by table/date/hour with deterministic names", async () => {
    const res = await process(CT_KEY, gzipSync(fixture("cloudtrail-records.json")));
    // The fixture's five failed sign-ins are a burst the scheduled engine raises, not the per-object ETL.
    expect(res.rows).toEqual({ cloudtrail: 17, findings: 7 });
    expect(res.quarantined).toBe(2);
    expect(res.outputs).toEqual(
      expect.arrayContaining([`processed/cloudtrail/dt=2026-11-20/hr=10/${res.objectId}_0.parquet`]),
    );
    const meta = await writer.query(
      `SELECT DISTINCT compression FROM parquet_metadata('${root}/processed/cloudtrail/dt=2026-11-20/hr=10/${res.objectId}_0.parquet')`,
    );
    expect(meta.map((m) => m.compression)).toEqual(["ZSTD"]);
    const q = fs
      .readFileSync(path.join(root, "quarantine", `${res.objectId}.jsonl`), "utf8")
      .trim()
      .split("\n");
    expect(q.map((l) => JSON.parse(l).position)).toEqual(["Records[8]", "Records[18]"]);
  });

  test("DuckDB reads the tables back with hive partitioning and millisecond timestamps", async () => {
    const rows = await writer.query(
      `SELECT dt, hr, epoch_ms(event_time) AS ms, any_instance_id, filename FROM ${src("cloudtrail")} WHERE event_id = '11111111-0000-4000-8000-000000000002'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dt: "2026-11-20",
      hr: "10",
      ms: BigInt(Date.parse("2026-11-20T10:02:00Z")),
      any_instance_id: ["i-0123456789abcdef0"],
    });
    const schema = await writer.query(
      `SELECT converted_type FROM parquet_schema('${rows[0]?.filename}') WHERE name = 'event_time'`,
    );
    expect(schema[0]?.converted_type).toBe("TIMESTAMP_MILLIS");
  });

  test("re-processing the same object leaves identical table contents (idempotent)", async () => {
    const before = { files: listFiles(root), ct: await snapshot("cloudtrail"), f: await snapshot("findings") };
    await process(CT_KEY, gzipSync(fixture("cloudtrail-records.json")));
    await process(CT_KEY, gzipSync(fixture("cloudtrail-records.json")));
    expect(listFiles(root)).toEqual(before.files);
    expect(await snapshot("cloudtrail")).toBe(before.ct);
    expect(await snapshot("findings")).toBe(before.f);
  });

  test("a re-processed object that now yields fewer partitions loses its stale outputs", async () => {
    const key = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/21/shrinks.json";
    const one = (hour: string, id: string) => ({
      eventTime: `2026-11-21T${hour}:00:00Z`,
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      eventID: id,
    });
    const first = await process(key, Buffer.from(JSON.stringify({ Records: [one("01", "x1"), one("02", "x2")] })));
    expect(first.outputs).toHaveLength(2);
    const second = await process(key, Buffer.from(JSON.stringify({ Records: [one("01", "x1")] })));
    expect(second.outputs).toHaveLength(1);
    const rows = await writer.query(`SELECT event_id FROM ${src("cloudtrail")} WHERE source_key = '${key}' ORDER BY 1`);
    expect(rows.map((r) => r.event_id)).toEqual(["x1"]);
  });

  test("GuardDuty repeats of one finding id fold into one finding (count, first/last seen)", async () => {
    await process("guardduty/export-1.jsonl.gz", gzipSync(fixture("guardduty-export.jsonl")));
    const rows = await writer.query(
      `SELECT finding_id, event_count, first_seen, last_seen, observations FROM (${findingsCurrentSql(src("findings"))}) WHERE finding_id = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event_count: 9n, observations: 2n });
    expect(new Date(String(rows[0]?.first_seen)).toISOString()).toBe("2026-11-20T08:00:00.000Z");
    expect(new Date(String(rows[0]?.last_seen)).toISOString()).toBe("2026-11-20T11:30:00.000Z");
  });

  test("the Glue table definitions match the produced Parquet schema column for column", async () => {
    await process("flows/a.log", fixture("vpcflow-v5-custom.log"));
    await process("cw/a.gz", gzipSync(fixture("cwlogs-subscription.json")));
    for (const table of TABLE_NAMES) {
      const file = listFiles(path.join(root, "processed", table))[0];
      expect(file, table).toBeDefined();
      const schema = await writer.query(
        `SELECT name, type, converted_type, num_children FROM parquet_schema('${path.join(root, "processed", table, String(file))}')`,
      );
      // Map Parquet physical + converted types to the Hive types Athena reads them as.
      const cols: [string, string][] = [];
      for (let i = 1; i < schema.length; i++) {
        const c = schema[i] as Record<string, unknown>;
        if (c.converted_type === "LIST") {
          const element = schema[i + 2] as Record<string, unknown>;
          cols.push([String(c.name), element.converted_type === "UTF8" ? "array<string>" : "array<?>"]);
          i += 2;
          continue;
        }
        const t = `${c.type}/${c.converted_type}`;
        const hive = (
          {
            "INT64/TIMESTAMP_MILLIS": "timestamp",
            "INT32/INT_32": "int",
            "INT64/INT_64": "bigint",
            "DOUBLE/null": "double",
            "BOOLEAN/null": "boolean",
            "BYTE_ARRAY/UTF8": "string",
          } as Record<string, string>
        )[t];
        cols.push([String(c.name), hive ?? `unmapped ${t}`]);
      }
      const glue = glueTableInput(table, { bucket: "b", projectionStart: "2024-01-01" });
      expect(cols, table).toEqual(glue.StorageDescriptor.Columns.map((c) => [c.Name, c.Type]));
    }
  });
});
