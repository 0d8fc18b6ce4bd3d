/** `npm run etl`: load every raw clickstream hour not loaded yet into the warehouse, now. */
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { runWarehouseEtl } from "@/lib/clickstream/run-etl";
import { openDatabase } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { loadEnv } from "@/lib/env";
import { clickstreamRawDir } from "@/lib/runtime/local-clickstream";

async function main() {
  const env = loadEnv();
  const db = await openDatabase(env);
  try {
    await migrate(db);
    const s = await runWarehouseEtl({ db, raw: new FsObjectStore(clickstreamRawDir(env)), trigger: "cli" });
    if (s.status === "skipped") console.log("Another warehouse ETL is running; nothing done.");
    else
      console.log(
        `Loaded ${s.loaded} events from ${s.objects} objects in ${s.hours} hours (${s.read} read, ${s.duplicates} duplicates, ${s.quarantined} quarantined).`,
      );
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
