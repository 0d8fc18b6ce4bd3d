import fs from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateLake } from "@/lib/demo/generate-lake";
import { normalizeCloudTrailRecord } from "@/lib/lake/normalize/cloudtrail";
import { type ParquetWriter, stageObject } from "@/lib/lake/stage-object";
import { TABLES } from "@/lib/lake/tables";
import { tempDir } from "@/test/support/databases";
import { DuckDbParquetWriter } from "./parquet-writer";

/**
 * The CloudTrail bulk path must write what the record-by-record path writes: same files, same
 * rows, same findings and quarantine. Every document here is staged both ways and compared
 * column by column; JSON-text columns are compared as JSON values (DuckDB prints some numbers
 * differently, see cloudtrail-bulk.ts). Documents the bulk path cannot take exactly must be
 * handed to the record-by-record path, which the test also checks.
 */
const KEY =
  "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_b.json.gz";
const JSON_COLUMNS = TABLES.cloudtrail.columns.filter((c) => c.type === "json").map((c) => c.name);

let writer: DuckDbParquetWriter;
let root: string;
beforeAll(async () => {
  writer = await DuckDbParquetWriter.create({ threads: 1 });
  root = tempDir("ct-bulk");
});
afterAll(() => writer?.close());

let run = 0;
async function stageBothWays(text: string) {
  const bytes = gzipSync(text);
  const took: boolean[] = [];
  const bulkWriter: ParquetWriter = {
    write: (...a) => writer.write(...a),
    writeCloudTrailBulk: async (...a) => {
      const files = await writer.writeCloudTrailBulk(...a);
      took.push(files !== null);
      return files;
    },
  };
  const plainWriter: ParquetWriter = { write: (...a) => writer.write(...a) };
  const out = async (w: ParquetWriter, name: string) => {
    const dir = path.join(root, `${run}-${name}`);
    const staged = await stageObject({ sourceKey: KEY, bytes, writer: w, stagingDir: dir });
    const rel = staged.files.map((f) => path.relative(dir, f)).sort();
    const ct = staged.files.filter((f) => path.relative(dir, f).startsWith("cloudtrail/"));
    const rows = ct.length
      ? (
          await writer.query(
            `SELECT * FROM read_parquet([${ct.map((f) => `'${f}'`).join(", ")}], hive_partitioning = false) ORDER BY source_ordinal`,
          )
        ).map((r) => {
          for (const c of JSON_COLUMNS) if (typeof r[c] === "string") r[c] = JSON.parse(r[c] as string);
          return r;
        })
      : [];
    return { staged: { ...staged, files: rel }, rows };
  };
  run++;
  const bulk = await out(bulkWriter, "bulk");
  const single = await out(plainWriter, "single");
  return { bulk, single, tookBulk: took.length > 0 && took.every(Boolean) };
}

const fixture = JSON.parse(fs.readFileSync(path.resolve("test/fixtures/lake/cloudtrail-records.json"), "utf8")) as {
  Records: unknown[];
};
/** The golden records the normalizer accepts (the fixture also holds two it quarantines). */
const goodRecords = fixture.Records.filter((r, i) => {
  try {
    normalizeCloudTrailRecord(r, KEY, i);
    return true;
  } catch {
    return false;
  }
});
const doc = (records: unknown[]) => JSON.stringify({ Records: records });
const base = goodRecords[7] as Record<string, unknown>;
const variant = (patch: Record<string, unknown>) => doc([...goodRecords, { ...base, ...patch }]);

describe("CloudTrail bulk path = record-by-record path", () => {
  test("golden records (every userIdentity type, service-name source IPs, drift inside requestParameters): bulk, identical", async () => {
    expect(goodRecords.length).toBe(17);
    const { bulk, single, tookBulk } = await stageBothWays(doc(goodRecords));
    expect(tookBulk).toBe(true);
    expect(bulk.rows.length).toBe(17);
    expect(bulk.rows).toEqual(single.rows);
    expect(bulk.staged).toEqual(single.staged);
    // The fixture's five failed sign-ins are a burst the scheduled engine raises, not the per-object ETL.
    expect(bulk.staged.rows).toEqual({ cloudtrail: 17, findings: 7 });
  });

  test("generated CloudTrail files with attack stories: bulk, identical rows and findings", async () => {
    const dir = tempDir("ct-gen");
    generateLake({
      outDir: dir,
      days: 0.05,
      scale: 20,
      seed: 5,
      cloudTrailOnly: true,
      recordsPerFile: 700,
      end: Date.UTC(2026, 10, 1),
    });
    const files = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".json.gz"))
      .slice(0, 3);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = gunzipSync(fs.readFileSync(path.join(dir, f))).toString("utf8");
      const { bulk, single, tookBulk } = await stageBothWays(text);
      expect(tookBulk).toBe(true);
      expect(bulk.rows.length).toBeGreaterThan(100);
      expect(bulk.rows).toEqual(single.rows);
      expect(bulk.staged).toEqual(single.staged);
    }
  });

  test.each([
    ["escapes in strings", { userAgent: 'say "hi"\\ \u00e9', eventName: "ListBuckets" }, true],
    ["string booleans", { readOnly: "true", managementEvent: false, eventVersion: true }, true],
    ["a numeric account id", { recipientAccountId: 111122223333 }, false],
    ["a number under a text field's name inside requestParameters", { requestParameters: { type: 5 } }, false],
    ["a string field holding an object", { errorCode: { code: "x" } }, false],
    ["a number JavaScript prints differently", { eventVersion: 1.1, sharedEventID: 1e21 }, false],
    ["eventTime as epoch seconds", { eventTime: 1793404200 }, false],
    ["an impossible date Date.parse rolls over", { eventTime: "2026-02-30T10:00:00Z" }, false],
    ["userIdentity as a string", { userIdentity: "root" }, false],
    ["eventName missing", { eventName: undefined }, false],
    [
      "a session created at a non-ISO time",
      { userIdentity: { type: "IAMUser", sessionContext: { attributes: { creationDate: "Nov 20 2026" } } } },
      false,
    ],
  ])("%s: bulk %s, identical", async (_name, patch, bulkTaken) => {
    const { bulk, single, tookBulk } = await stageBothWays(variant(patch));
    expect(tookBulk).toBe(bulkTaken);
    expect(bulk.rows).toEqual(single.rows);
    expect(bulk.staged).toEqual(single.staged);
  });

  test("numbers DuckDB prints its own way inside requestParameters: bulk, same JSON values", async () => {
    const text = variant({ requestParameters: { maxResults: "<1e3>", big: "<big>", f: 1.5, nested: [1, "1"] } })
      .replace('"<1e3>"', "1e3")
      .replace('"<big>"', "12345678901234567890");
    const { bulk, single, tookBulk } = await stageBothWays(text);
    expect(tookBulk).toBe(true);
    expect(bulk.rows).toEqual(single.rows);
    expect(bulk.staged).toEqual(single.staged);
  });

  test("records over two hours: bulk with partitioning, identical files", async () => {
    const later = { ...base, eventID: "later-1", eventTime: "2026-11-20T11:02:03.456Z" };
    const { bulk, single, tookBulk } = await stageBothWays(doc([...goodRecords, later]));
    expect(tookBulk).toBe(true);
    expect(bulk.staged.files.filter((f) => f.startsWith("cloudtrail/"))).toEqual([
      expect.stringMatching(/^cloudtrail\/dt=2026-11-20\/hr=10\/[0-9a-f]{20}_0\.parquet$/),
      expect.stringMatching(/^cloudtrail\/dt=2026-11-20\/hr=11\/[0-9a-f]{20}_0\.parquet$/),
    ]);
    expect(bulk.rows).toEqual(single.rows);
    expect(bulk.staged).toEqual(single.staged);
  });

  test("a nested eventTime ahead of the record's own announces the wrong hour: record by record, identical", async () => {
    const { requestParameters: _, ...rest } = base;
    const rec = { requestParameters: { eventTime: "2020-01-01T00:00:00Z" }, ...rest };
    expect(JSON.stringify(rec).indexOf('"eventTime":"2020')).toBeLessThan(
      JSON.stringify(rec).indexOf('"eventTime":"2026'),
    );
    const { bulk, single, tookBulk } = await stageBothWays(doc([rec]));
    expect(tookBulk).toBe(false);
    expect(bulk.rows).toEqual(single.rows);
    expect(bulk.staged).toEqual(single.staged);
  });

  test("a number under an escaped text field name: record by record, identical", async () => {
    const text = variant({ eventVersion: "<v>" }).replace('"eventVersion":"<v>"', '"event\\u0056ersion":1e0');
    expect(text).toContain('"event\\u0056ersion":1e0');
    const { bulk, single, tookBulk } = await stageBothWays(text);
    expect(tookBulk).toBe(false);
    expect(bulk.rows).toEqual(single.rows);
    expect(bulk.staged).toEqual(single.staged);
  });

  test("an escaped name still reaches the detections", async () => {
    const login = goodRecords.find((r) => (r as { eventName?: string }).eventName === "ConsoleLogin") as object;
    const text = doc([login]).replace('"eventName":"ConsoleLogin"', '"eventName":"Console\\u004cogin"');
    expect(text).toContain("\\u004c");
    const { bulk, single, tookBulk } = await stageBothWays(text);
    expect(tookBulk).toBe(true);
    expect(bulk.staged.findings.length).toBeGreaterThan(0);
    expect(bulk.staged).toEqual(single.staged);
    expect(bulk.rows).toEqual(single.rows);
  });

  test.each([
    ["the golden file with its two bad records (quarantined with reasons)", JSON.stringify(fixture)],
    ["pretty-printed", JSON.stringify({ Records: goodRecords }, null, 2)],
    ["NaN inside requestParameters (not JSON)", doc(goodRecords).replace(/\}\]\}$/, ',"extra":NaN}]}')],
    ["a trailing comma (not JSON)", doc(goodRecords).replace(/\]\}$/, ",]}")],
    ["a second top-level key", doc(goodRecords).replace(/\}$/, ',"Extra":[1]}')],
    ["garbage after the document", `${doc(goodRecords)} x`],
  ])("%s: record-by-record, identical", async (_name, text) => {
    const { bulk, single, tookBulk } = await stageBothWays(text);
    expect(tookBulk).toBe(false);
    expect(bulk.staged).toEqual(single.staged);
    expect(bulk.rows).toEqual(single.rows);
  });
});
