/**
 * Lambda: S3 ObjectCreated on the raw-logs bucket → normalize → Parquet in the processed bucket
 * → Glue tables (partition projection) kept registered. Thin: parse the event, build the
 * context, call the ETL. A failed object makes the invocation fail so Lambda retries it (the
 * ETL is idempotent) and, after retries, it lands in the DLQ.
 */
import os from "node:os";
import path from "node:path";
import type { S3Event } from "aws-lambda";
import { registerGlueTables } from "@/lib/adapters/compose/athena";
import { openDatabase } from "@/lib/adapters/compose/database";
import { openParquetWriter } from "@/lib/adapters/compose/lake-engines";
import { bucketStore } from "@/lib/adapters/compose/stores";
import { loadEnv } from "@/lib/env";
import type { RawObject } from "@/lib/lake/run-lake-etl";
import { runLakeEtl } from "@/lib/lake/run-lake-etl";

let tablesReady: Promise<unknown> | undefined;

/** S3 event keys are URL-encoded with '+' for spaces. */
export const decodeS3Key = (key: string) => decodeURIComponent(key.replace(/\+/g, " "));

export async function handler(event: S3Event): Promise<{ objects: number; records: number }> {
  const env = loadEnv();
  const bucket = env.SIGHTLINE_LAKE_BUCKET;
  if (!bucket) throw new Error("SIGHTLINE_LAKE_BUCKET is not set");
  tablesReady ??= registerGlueTables(env, bucket).catch((err) => {
    tablesReady = undefined;
    throw err;
  });
  await tablesReady;

  const objects: RawObject[] = event.Records.map((r) => {
    const key = decodeS3Key(r.s3.object.key);
    const raw = bucketStore(r.s3.bucket.name);
    return { key, size: r.s3.object.size, etag: r.s3.object.eTag ?? r.s3.object.sequencer, read: () => raw.get(key) };
  });
  const db = await openDatabase(env);
  const writer = await openParquetWriter({ threads: 2, memoryLimit: "1GB" });
  try {
    const s = await runLakeEtl({
      db,
      lake: bucketStore(bucket),
      writer,
      stagingRoot: path.join(os.tmpdir(), "staging"),
      objects,
      trigger: "s3-event",
    });
    if (s.errors.length)
      throw new Error(`lake ETL failed for ${s.errors.map((e) => `${e.key} (${e.message})`).join("; ")}`);
    return { objects: s.objects, records: s.records };
  } finally {
    writer.close();
    await db.close();
  }
}
