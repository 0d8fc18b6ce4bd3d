import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { CreateTableCommand, EntityNotFoundException, GetTableCommand, GlueClient } from "@aws-sdk/client-glue";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DuckDBInstance } from "@duckdb/node-api";
import { sdkStreamMixin } from "@smithy/util-stream";
import { mockClient } from "aws-sdk-client-mock";
import { beforeAll, expect, test } from "vitest";
import { openDatabase } from "@/lib/adapters/compose/database";
import { columnarObjectId } from "@/lib/clickstream/columnar-copy";
import { hourPrefix } from "@/lib/clickstream/ingest";
import { migrate } from "@/lib/db/migrate";
import { tempDir } from "@/test/support/databases";
import { line } from "@/test/support/funnel-events";
import { handler } from "./clickstream-etl";

const s3 = mockClient(S3Client);
const glue = mockClient(GlueClient);
const HOUR = 3_600_000;
const at = Math.floor((Date.now() - 3 * HOUR) / HOUR) * HOUR + 5 * 60_000;
const KEY = `${hourPrefix(at)}a-1.ndjson`;
const body = `${[
  line({ session: "s1", name: "page_view", at }, at + 1000),
  line({ session: "s1", name: "purchase", at: at + 60_000 }, at + 61_000),
].join("\n")}\n`;

beforeAll(async () => {
  process.env.SIGHTLINE_DATA_DIR = tempDir("cs-lambda");
  process.env.DATABASE_URL = "";
  process.env.SIGHTLINE_LAKE_BUCKET = "processed-lake";
  process.env.SIGHTLINE_CLICKSTREAM_BUCKET = "click-raw";
  const db = await openDatabase({ dataDir: process.env.SIGHTLINE_DATA_DIR });
  await migrate(db);
  await db.close();
});

test("the hourly run loads the warehouse and writes its columnar copy to the lake bucket under clickstream/, registered in Glue", async () => {
  s3.on(ListObjectsV2Command, { Bucket: "click-raw" }).resolves({ Contents: [{ Key: KEY, Size: body.length }] });
  // The lake bucket lists and serves what was put in it (a run checks its published files are still
  // there, and summarizes the sessions of the days it changed from them).
  const lake = new Map<string, Uint8Array>();
  s3.on(ListObjectsV2Command, { Bucket: "processed-lake" }).callsFake((i: { Prefix?: string }) => ({
    Contents: [...lake].filter(([k]) => k.startsWith(i.Prefix ?? "")).map(([Key, b]) => ({ Key, Size: b.length })),
  }));
  s3.on(GetObjectCommand, { Bucket: "processed-lake" }).callsFake((i: { Key: string }) => ({
    Body: sdkStreamMixin(Readable.from([Buffer.from(lake.get(i.Key) ?? new Uint8Array())])),
  }));
  s3.on(GetObjectCommand, { Bucket: "click-raw", Key: KEY }).callsFake(() => ({
    Body: sdkStreamMixin(Readable.from([Buffer.from(body)])),
  }));
  s3.on(PutObjectCommand).callsFake((i: { Key: string; Body: Uint8Array }) => {
    lake.set(i.Key, i.Body);
    return {};
  });
  glue.on(GetTableCommand).rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
  glue.on(CreateTableCommand).resolves({});

  const res = await handler();
  expect(res).toMatchObject({ status: "succeeded", objects: 1, loaded: 2 });

  const iso = new Date(at).toISOString();
  const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
  expect(puts.map((p) => [p.Bucket, p.Key])).toEqual([
    [
      "processed-lake",
      `clickstream/events/dt=${iso.slice(0, 10)}/hr=${iso.slice(11, 13)}/${columnarObjectId(KEY)}.parquet`,
    ],
    [
      "processed-lake",
      expect.stringMatching(
        new RegExp(`^clickstream/sessions/dt=${iso.slice(0, 10)}/summary-v2-[0-9a-f]{20}\\.parquet$`),
      ),
    ],
  ]);
  // The file holds the two events, readable as Parquet.
  const file = path.join(tempDir("cs-lambda-read"), "a.parquet");
  fs.writeFileSync(file, puts[0]?.Body as Uint8Array);
  const duck = await (await DuckDBInstance.create(":memory:")).connect();
  const rows = (await duck.runAndReadAll(`SELECT event_name FROM read_parquet('${file}') ORDER BY 1`)).getRows();
  expect(rows.map((r) => r[0])).toEqual(["page_view", "purchase"]);
  // The day's per-session summary, from that file: one session, both events.
  const summary = path.join(tempDir("cs-lambda-read"), "s.parquet");
  fs.writeFileSync(summary, puts[1]?.Body as Uint8Array);
  const sessions = (
    await duck.runAndReadAll(`SELECT session_id, events, fn FROM read_parquet('${summary}')`)
  ).getRowObjectsJS();
  expect(sessions).toEqual([{ session_id: "s1", events: 2, fn: ["page_view", "purchase"] }]);
  duck.closeSync();

  const table = glue.commandCalls(CreateTableCommand)[0]?.args[0].input.TableInput;
  expect(table?.Name).toBe("clickstream_events");
  expect(table?.StorageDescriptor?.Location).toBe("s3://processed-lake/clickstream/events/");
  expect(table?.Parameters?.["storage.location.template"]).toBe(
    "s3://processed-lake/clickstream/events/dt=${dt}/hr=${hr}",
  );
  expect(table?.StorageDescriptor?.Columns?.find((c) => c.Name === "event_timestamp")?.Type).toBe("timestamp");

  // A second run finds nothing new: no file is written twice, and Glue is not asked again.
  s3.resetHistory();
  glue.resetHistory();
  expect(await handler()).toMatchObject({ objects: 0, loaded: 0 });
  expect(s3.commandCalls(PutObjectCommand)).toEqual([]);
  expect(glue.commandCalls(GetTableCommand)).toEqual([]);
});
