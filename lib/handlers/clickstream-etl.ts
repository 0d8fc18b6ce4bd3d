/**
 * Lambda on the hourly schedule (EventBridge Scheduler via sst.aws.Cron): loads the clickstream
 * raw events from S3 into the warehouse. Overlapping runs are refused by the ETL's lease.
 */
import { openDatabase } from "@/lib/adapters/compose/database";
import { bucketStore } from "@/lib/adapters/compose/stores";
import { runWarehouseEtl, type WarehouseRunSummary } from "@/lib/clickstream/run-warehouse-etl";
import { loadEnv } from "@/lib/env";

export async function handler(): Promise<WarehouseRunSummary> {
  const env = loadEnv();
  if (!env.SIGHTLINE_CLICKSTREAM_BUCKET) throw new Error("SIGHTLINE_CLICKSTREAM_BUCKET is not set");
  const db = await openDatabase(env);
  try {
    // A failing run throws (the invocation fails: alarm and retry); a skipped one (another run holds the lease) returns.
    return await runWarehouseEtl({
      db,
      raw: bucketStore(env.SIGHTLINE_CLICKSTREAM_BUCKET),
      trigger: "schedule",
    });
  } finally {
    await db.close();
  }
}
