import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { CreateTableCommand, EntityNotFoundException, GetTableCommand, GlueClient } from "@aws-sdk/client-glue";
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { sdkStreamMixin } from "@smithy/util-stream";
import type { S3Event } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/lib/adapters/compose/database";
import { migrate } from "@/lib/db/migrate";
import { objectIdOf } from "@/lib/lake/stage-object";
import { TABLE_NAMES } from "@/lib/lake/tables";
import { tempDir } from "@/test/support/databases";
import { decodeS3Key, handler } from "./lake-etl";

const s3 = mockClient(S3Client);
const glue = mockClient(GlueClient);
const ctBody = gzipSync(fs.readFileSync(path.resolve("test/fixtures/lake/cloudtrail-records.json")));
const KEY =
  "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_a1.json.gz";

const event = (key: string, size = ctBody.length): S3Event =>
  ({
    Records: [{ s3: { bucket: { name: "raw-logs" }, object: { key, size, eTag: "e1", sequencer: "s1" } } }],
  }) as unknown as S3Event;

beforeAll(async () => {
  process.env.SIGHTLINE_DATA_DIR = tempDir("lambda");
  process.env.DATABASE_URL = "";
  process.env.SIGHTLINE_LAKE_BUCKET = "processed-lake";
  const db = await openDatabase({ dataDir: process.env.SIGHTLINE_DATA_DIR });
  await migrate(db);
  await db.close();
});

describe("lake ETL Lambda handler", () => {
  test("S3 ObjectCreated → reads the raw object, writes Parquet, quarantine and manifest, registers Glue tables", async () => {
    s3.reset();
    glue.reset();
    s3.on(GetObjectCommand, { Bucket: "raw-logs", Key: KEY }).resolves({
      Body: sdkStreamMixin(Readable.from([ctBody])),
    });
    s3.on(GetObjectCommand, { Bucket: "processed-lake" }).rejects(new NoSuchKey({ message: "none", $metadata: {} }));
    s3.on(PutObjectCommand).resolves({});
    glue.on(GetTableCommand).rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
    glue.on(CreateTableCommand).resolves({});

    const res = await handler(event(KEY));
    // The fixture's five failed sign-ins are a burst the scheduled engine raises, not the per-object ETL.
    expect(res).toEqual({ objects: 1, records: 24 });

    const id = objectIdOf(KEY);
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.every((p) => p.Bucket === "processed-lake")).toBe(true);
    const keys = puts.map((p) => p.Key).sort();
    expect(keys).toEqual(
      expect.arrayContaining([
        `processed/cloudtrail/dt=2026-11-20/hr=10/${id}_0.parquet`,
        `processed/findings/dt=2026-11-20/hr=10/${id}_0.parquet`,
        `quarantine/${id}.jsonl`,
        `manifests/${id}.json`,
      ]),
    );
    const parquet = puts.find((p) => String(p.Key).endsWith(".parquet"));
    expect(
      Buffer.from(parquet?.Body as Uint8Array)
        .subarray(0, 4)
        .toString(),
    ).toBe("PAR1");
    const manifest = JSON.parse(String(puts.find((p) => p.Key === `manifests/${id}.json`)?.Body));
    expect(manifest).toMatchObject({ source_key: KEY, quarantine: `quarantine/${id}.jsonl` });

    expect(glue.commandCalls(CreateTableCommand).map((c) => c.args[0].input.TableInput?.Name)).toEqual(TABLE_NAMES);
  });

  test("Glue registration happens once per container, not per object", async () => {
    s3.on(GetObjectCommand, { Bucket: "raw-logs", Key: KEY }).callsFake(() => ({
      Body: sdkStreamMixin(Readable.from([ctBody])),
    }));
    glue.resetHistory();
    await handler(event(KEY));
    expect(glue.commandCalls(GetTableCommand)).toHaveLength(0);
  });

  test("an unreadable raw object fails the invocation (so Lambda retries, then the DLQ)", async () => {
    s3.on(GetObjectCommand, { Bucket: "raw-logs", Key: "AWSLogs/x/gone.json.gz" }).rejects(
      Object.assign(new Error("Access Denied"), { name: "AccessDenied" }),
    );
    await expect(handler(event("AWSLogs/x/gone.json.gz"))).rejects.toThrow(/gone\.json\.gz \(Access Denied\)/);
  });

  test("S3 event keys are URL-decoded", () => {
    expect(decodeS3Key("AWSLogs/a+b/c%3Dd.json.gz")).toBe("AWSLogs/a b/c=d.json.gz");
  });
});
