/**
 * Lambda on the hourly schedule (EventBridge Scheduler via sst.aws.Cron): loads the clickstream
 * raw events from S3 into the warehouse and writes the columnar copy (Parquet in the processed-lake
 * bucket under `clickstream/`, registered in Glue for Athena). Overlapping runs are refused by the
 * ETL's lease.
 */
import { registerClickstreamGlueTable } from "@/lib/adapters/compose/athena";
import { openDatabase } from "@/lib/adapters/compose/database";
import { openS3ColumnarCopy } from "@/lib/adapters/compose/lake-engines";
import { bucketStore } from "@/lib/adapters/compose/stores";
import { runWarehouseEtl, type WarehouseRunSummary } from "@/lib/clickstream/run-warehouse-etl";
import { loadEnv } from "@/lib/env";

let tableReady: Promise<unknown> | undefined;

export async function handler(): Promise<WarehouseRunSummary> {
  const env = loadEnv();
  if (!env.SIGHTLINE_CLICKSTREAM_BUCKET) throw new Error("SIGHTLINE_CLICKSTREAM_BUCKET is not set");
  const lakeBucket = env.SIGHTLINE_LAKE_BUCKET;
  if (!lakeBucket) throw new Error("SIGHTLINE_LAKE_BUCKET is not set");
  tableReady ??= registerClickstreamGlueTable(env, lakeBucket).catch((err) => {
    tableReady = undefined;
    throw err;
  });
  await tableReady;
  const db = await openDatabase(env);
  const columnar = await openS3ColumnarCopy(lakeBucket);
  try {
    // A failing run throws (the invocation fails: alarm and retry); a skipped one (another run holds the lease) returns.
    return await runWarehouseEtl({
      db,
      raw: bucketStore(env.SIGHTLINE_CLICKSTREAM_BUCKET),
      trigger: "schedule",
      copy: columnar.copy,
    });
  } finally {
    columnar.close();
    await db.close();
  }
}
