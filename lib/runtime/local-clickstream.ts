import { clickstreamRawStore } from "@/lib/adapters/compose/stores";
import { runWarehouseEtl } from "@/lib/clickstream/run-warehouse-etl";
import { simulateClickstream } from "@/lib/demo/simulate-clickstream";
import type { Env } from "@/lib/env";
import type { Database } from "@/lib/ports/database";
import type { FirstStartHook } from "@/lib/runtime/prepare";

/**
 * The in-process stand-in for the EventBridge hourly schedule: a catch-up run now, then one at five
 * past every hour (late objects up to 72 h are picked up by the load records, not by timing).
 */
export function scheduleWarehouseEtl(env: Env, db: Database, log: (m: string) => void): () => void {
  const raw = clickstreamRawStore(env);
  // The columnar copy's writer (DuckDB) is opened on the first run and kept.
  let columnar: ReturnType<typeof openColumnarCopy> | undefined;
  const run = async () => {
    try {
      columnar ??= openColumnarCopy(env);
      const { copy } = await columnar;
      const s = await runWarehouseEtl({ db, raw, trigger: "schedule", copy });
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
  return () => {
    clearTimeout(timer);
    void columnar?.then((c) => c.close()).catch(() => undefined);
  };
}

/** The local columnar copy (DuckDB, a native addon: loaded only when a run needs it). */
async function openColumnarCopy(env: Env) {
  const { openLocalColumnarCopy } = await import("@/lib/adapters/compose/lake-engines");
  return openLocalColumnarCopy(env);
}

/** First start: a few days of demo-store traffic, loaded, so the clickstream pages have data. */
export const demoClickstreamHook: FirstStartHook = {
  name: "demo-clickstream",
  async run({ env, db, log }) {
    if (!env.SIGHTLINE_DEMO_DATA) return;
    const raw = clickstreamRawStore(env);
    const t = await simulateClickstream({ raw, sessions: 300, days: 3, seed: 5 });
    const columnar = await openColumnarCopy(env);
    const s = await runWarehouseEtl({ db, raw, trigger: "demo-seed", copy: columnar.copy }).finally(columnar.close);
    log(`demo clickstream: ${t.sessions} sessions, ${t.events} events → ${s.loaded} loaded`);
  },
};
