import path from "node:path";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { runWarehouseEtl } from "@/lib/clickstream/run-etl";
import type { Env } from "@/lib/env";
import type { Database } from "@/lib/ports/database";

/** The local raw clickstream store (what `POST /api/collect` writes). */
export const clickstreamRawDir = (env: Env) => path.join(env.dataDir, "clickstream");

/**
 * The in-process stand-in for the EventBridge hourly schedule: a catch-up run now, then one at five
 * past every hour (late objects up to 72 h are picked up by the load records, not by timing).
 */
export function scheduleWarehouseEtl(env: Env, db: Database, log: (m: string) => void): () => void {
  const raw = new FsObjectStore(clickstreamRawDir(env));
  const run = async () => {
    try {
      const s = await runWarehouseEtl({ db, raw, trigger: "schedule" });
      if (s.status === "succeeded" && s.objects)
        log(
          `clickstream: ${s.loaded} events loaded from ${s.objects} objects (${s.duplicates} duplicates, ${s.quarantined} quarantined)`,
        );
    } catch (err) {
      log(`clickstream: ETL failed: ${(err as Error).message}`);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    const now = Date.now();
    const at = Math.floor(now / 3_600_000) * 3_600_000 + 3_600_000 + 5 * 60_000;
    timer = setTimeout(async () => {
      await run();
      next();
    }, at - now);
    timer.unref();
  };
  void run().then(next);
  return () => clearTimeout(timer);
}
