import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { LakeWorkerPool } from "@/lib/adapters/local/lake-worker-pool";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { summarizeRuns } from "@/lib/schemas/ingestion";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { getIngestionStatus } from "./get-ingestion-status";
import { type RawObject, runLakeEtl } from "./run-lake-etl";
import type { ParquetWriter } from "./stage-object";
import { TABLE_NAMES } from "./tables";

const fixture = (name: string) => fs.readFileSync(path.resolve("test/fixtures/lake", name));
const raw = (key: string, body: Uint8Array, etag = "1"): RawObject => ({
  key,
  size: body.length,
  etag,
  read: async () => body,
});
const admin = { id: "a", email: "admin@example.com", roles: ["admins" as const] };

describe.each(DB_TARGETS)("runLakeEtl on $name", (target) => {
  let db: PgDatabase;
  let writer: DuckDbParquetWriter;
  let root: string;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    writer = await DuckDbParquetWriter.create({ threads: 1 });
    root = tempDir("etl");
  });
  afterAll(async () => {
    writer?.close();
    await db?.close();
  });

  const objects = () => [
    raw("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/a.json.gz", gzipSync(fixture("cloudtrail-records.json"))),
    raw("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/d.json.gz", gzipSync("{}")),
    raw("guardduty/x.jsonl", fixture("guardduty-export.jsonl")),
    raw("flows/v2.log", fixture("vpcflow-v2.log")),
    raw("cw/sub.gz", gzipSync(fixture("cwlogs-subscription.json"))),
    raw("broken/truncated.json.gz", gzipSync(fixture("cloudtrail-records.json")).subarray(0, 300)),
  ];

  test("a mixed batch: counts per table, quarantined and skipped; bad objects don't abort the run", async () => {
    const lake = new FsObjectStore(root);
    const s = await runLakeEtl({
      db,
      lake,
      writer,
      stagingRoot: path.join(root, ".staging"),
      objects: objects(),
      trigger: "test",
    });
    expect(s.objects).toBe(6);
    expect(s.errors).toEqual([]);
    // The fixture's five failed sign-ins are a burst the scheduled engine raises, not the per-object ETL.
    expect(s.rows).toEqual({ cloudtrail: 17, findings: 11, guardduty: 4, vpcflow: 3, cwlogs: 2 });
    expect(s.quarantined).toBe(2 + 2 + 2 + 1 + 1);
    expect(s.skipped).toEqual({
      "cloudtrail digest file": 1,
      "vpc flow NODATA interval": 1,
      "cloudwatch control message": 1,
    });

    const status = await getIngestionStatus({ ctx: { db, principal: admin } });
    const bySource = Object.fromEntries(status.sources.map((x) => [x.source, x]));
    expect(bySource.cloudtrail).toMatchObject({ objects: 1, rows: 24, quarantined: 2 });
    expect(bySource.digest).toMatchObject({ objects: 1, rows: 0, skipped: 1 });
    expect(bySource.unknown).toMatchObject({ objects: 1, quarantined: 1 });
    expect(status.runs[0]).toMatchObject({ trigger: "test", status: "succeeded", objects: 6 });
    expect(status.quarantine.map((q) => q.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cannot decompress/)]),
    );
  });

  test("the watcher mode skips objects whose etag was already processed", async () => {
    const lake = new FsObjectStore(root);
    const s = await runLakeEtl({
      db,
      lake,
      writer,
      stagingRoot: path.join(root, ".staging"),
      objects: objects(),
      trigger: "watcher",
      skipUnchanged: true,
    });
    expect(s).toMatchObject({ objects: 0, unchanged: 6 });
  });

  test("polls that find nothing new add no rows: only the latest such check is kept, beside the runs that loaded data", async () => {
    const lake = new FsObjectStore(root);
    const before = await db.query<{ id: string }>("SELECT id FROM lake_runs WHERE objects > 0 OR errors > 0");
    for (let i = 0; i < 5; i++)
      await runLakeEtl({
        db,
        lake,
        writer,
        stagingRoot: path.join(root, ".staging"),
        objects: objects(),
        trigger: "watcher",
        skipUnchanged: true,
      });
    const idle = await db.query<{ id: string }>("SELECT id FROM lake_runs WHERE objects = 0 AND errors = 0");
    expect(idle).toHaveLength(1);
    expect(await db.query("SELECT id FROM lake_runs WHERE objects > 0 OR errors > 0")).toEqual(before);
    const status = await getIngestionStatus({ ctx: { db, principal: admin } });
    expect(status.runs.filter((r) => r.objects === 0 && r.errors === 0)).toEqual([
      expect.objectContaining({ id: Number(idle[0]?.id), unchanged: 6 }),
    ]);
    expect(summarizeRuns(status.runs).idle).toMatchObject({ alreadyLoaded: 6 });
  });

  test("an object whose write fails is recorded as failed and the others still load", async () => {
    const failing: ParquetWriter = {
      write: async (table, rows, outRoot, stem) => {
        if (table === "vpcflow") throw new Error("disk full");
        return writer.write(table, rows, outRoot, stem);
      },
    };
    const lake = new FsObjectStore(tempDir("etl-fail"));
    const s = await runLakeEtl({
      db,
      lake,
      writer: failing,
      stagingRoot: tempDir("stg"),
      objects: objects(),
      trigger: "test-fail",
    });
    expect(s.errors).toEqual([{ key: "flows/v2.log", message: "disk full" }]);
    expect(s.objects).toBe(5);
    const status = await getIngestionStatus({ ctx: { db, principal: admin } });
    expect(status.failedObjects).toEqual([expect.objectContaining({ sourceKey: "flows/v2.log", error: "disk full" })]);
    expect(status.runs[0]).toMatchObject({ trigger: "test-fail", errors: 1 });
  });

  test("on a worker pool the ETL writes the same lake as in one thread: same files, rows, quarantine and findings", async () => {
    const pool = LakeWorkerPool.create({ threads: 2 });
    const lakes = { thread: tempDir("etl-thread"), pool: tempDir("etl-pool") };
    try {
      const inThread = await runLakeEtl({
        db,
        lake: new FsObjectStore(lakes.thread),
        writer,
        stagingRoot: path.join(lakes.thread, ".staging"),
        objects: objects(),
        trigger: "test-thread",
      });
      const found: string[] = [];
      const pooled = await runLakeEtl({
        db,
        lake: new FsObjectStore(lakes.pool),
        stage: pool.stage,
        concurrency: 4,
        stagingRoot: path.join(lakes.pool, ".staging"),
        objects: objects(),
        trigger: "test-pool",
        onObject: (_raw, res) => found.push(...(res?.findingEvents.map((e) => e.findingId) ?? [])),
      });
      for (const k of ["objects", "rows", "quarantined", "skipped", "errors"] as const)
        expect(pooled[k]).toEqual(inThread[k]);
      const files = (root: string) =>
        fs
          .readdirSync(path.join(root, "processed"), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith(".parquet"))
          .sort();
      expect(files(lakes.pool)).toEqual(files(lakes.thread));
      expect(files(lakes.pool).length).toBeGreaterThanOrEqual(5);
      for (const table of TABLE_NAMES) {
        const read = (root: string) =>
          writer.query(
            `SELECT * FROM read_parquet('${root}/processed/${table}/**/*.parquet', hive_partitioning = true)
             ORDER BY ALL`,
          );
        const [a, b] = [await read(lakes.thread), await read(lakes.pool)];
        expect(b.length, table).toBeGreaterThan(0);
        expect(
          JSON.stringify(b, (_k, v) => (typeof v === "bigint" ? String(v) : v)),
          table,
        ).toBe(JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
      }
      const quarantine = (root: string) => fs.readdirSync(path.join(root, "quarantine")).sort();
      expect(quarantine(lakes.pool)).toEqual(quarantine(lakes.thread));
      expect(found.length).toBe(inThread.rows.findings);
    } finally {
      await pool.close();
    }
  });

  test("ingestion status is for admins only", async () => {
    await expect(getIngestionStatus({ ctx: { db, principal: { ...admin, roles: ["analysts"] } } })).rejects.toThrow(
      /Requires/,
    );
  });
});
