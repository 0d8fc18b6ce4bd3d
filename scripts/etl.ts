/** `npm run etl`: load every raw clickstream hour not loaded yet into the warehouse, now. */

import { openDatabase } from "@/lib/adapters/compose/database";
import { openLocalColumnarCopy } from "@/lib/adapters/compose/lake-engines";
import { clickstreamRawStore } from "@/lib/adapters/compose/stores";
import { runWarehouseEtl } from "@/lib/clickstream/run-warehouse-etl";
import { migrate } from "@/lib/db/migrate";
import { loadEnv } from "@/lib/env";

async function main() {
  const env = loadEnv();
  const db = await openDatabase(env);
  // The columnar copy is written locally; in AWS the ETL Lambda loads the warehouse alone (for now).
  const columnar = env.SIGHTLINE_BACKEND === "local" ? await openLocalColumnarCopy(env) : null;
  try {
    await migrate(db);
    const s = await runWarehouseEtl({ db, raw: clickstreamRawStore(env), trigger: "cli", copy: columnar?.copy });
    if (s.status === "skipped") console.log("Another warehouse ETL is running; nothing done.");
    else
      console.log(
        `Loaded ${s.loaded} events from ${s.objects} objects in ${s.hours} hours (${s.read} read, ${s.duplicates} duplicates, ${s.quarantined} quarantined).`,
      );
  } finally {
    columnar?.close();
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
