/**
 * Lambda on the hourly schedule (EventBridge Scheduler via sst.aws.Cron): loads the clickstream
 * raw events from S3 into the warehouse. Overlapping runs are refused by the ETL's lease.
 */
import { S3Client } from "@aws-sdk/client-s3";
import { S3ObjectStore } from "@/lib/adapters/aws/s3-object-store";
import { runWarehouseEtl, type WarehouseRunSummary } from "@/lib/clickstream/run-etl";
import { openDatabase } from "@/lib/db/connect";
import { loadEnv } from "@/lib/env";

const s3 = new S3Client({});

export async function handler(): Promise<WarehouseRunSummary> {
  const env = loadEnv();
  if (!env.SIGHTLINE_CLICKSTREAM_BUCKET) throw new Error("SIGHTLINE_CLICKSTREAM_BUCKET is not set");
  const db = await openDatabase(env);
  try {
    // A failing run throws (the invocation fails: alarm and retry); a skipped one (another run holds the lease) returns.
    return await runWarehouseEtl({
      db,
      raw: new S3ObjectStore(s3, env.SIGHTLINE_CLICKSTREAM_BUCKET),
      trigger: "schedule",
    });
  } finally {
    await db.close();
  }
}
