/**
 * Background work, started from here and nowhere else:
 * - in the app server (launched by instrumentation.ts): executions a previous process left RUNNING
 *   resume on the in-process engine, and the findings dispatcher — the local EventBridge — runs
 *   every 2 s;
 * - in the `npm start` host process, which owns the embedded database (launched by scripts/start.ts):
 *   the sweep of temp files left by killed writers, the raw-area watcher (the local S3
 *   notifications), the hourly warehouse ETL (the local schedule) and the ingest listener.
 * Both register their stop with `onShutdown`, which SIGTERM/SIGINT run.
 */
import path from "node:path";
import { type AppContext, closeContext, getContext } from "@/lib/adapters";
import { clickstreamRawDir, objectStoreAt } from "@/lib/adapters/compose/stores";
import { type Env, env as processEnv } from "@/lib/env";
import { dispatchFindingEvents } from "@/lib/incidents/dispatch";
import type { Database } from "@/lib/ports/database";
import { startIngestServer } from "./ingest-server";
import { scheduleWarehouseEtl } from "./local-clickstream";
import { scheduleDetections, watchRawArea } from "./local-lake";
import { repeatWithoutOverlap } from "./repeat";
import { onShutdown } from "./shutdown";

const DISPATCH_EVERY_MS = 2000;

/** The app server's work (local backend only: in AWS, Step Functions and EventBridge do this). */
export async function startAppServerWork(log: (m: string) => void = console.log): Promise<void> {
  if (processEnv().SIGHTLINE_BACKEND !== "local") return;
  const ctx: AppContext = await getContext();
  onShutdown(closeContext);
  if (!ctx.workflows.resumeAll) return;
  const resumed = await ctx.workflows.resumeAll();
  if (resumed) log(`workflows: resumed ${resumed} running executions`);
  const deps = {
    db: ctx.db,
    workflows: ctx.workflows,
    notify: ctx.incidents.notify,
    threshold: ctx.env.SIGHTLINE_INCIDENT_THRESHOLD,
    startIncidents: true,
  };
  const stop = repeatWithoutOverlap(
    "findings: dispatch",
    DISPATCH_EVERY_MS,
    async () => {
      const s = await dispatchFindingEvents(deps);
      if (s.processed) log(`findings: ${JSON.stringify(s)}`);
    },
    (m) => console.error(m),
  );
  onShutdown(stop);
}

/** The host process's work; returns the ingest listener's port when it started. */
export async function startHostWork(
  env: Env,
  db: Database,
  log: (m: string) => void,
): Promise<{ ingestPort?: number }> {
  if (env.SIGHTLINE_BACKEND !== "local") return {};
  // Temp files of writers killed mid-write (SIGKILL, power loss) would otherwise stay forever.
  for (const root of [clickstreamRawDir(env), path.join(env.dataDir, "lake")]) {
    const removed = await objectStoreAt(root).removeStaleTempFiles();
    if (removed) log(`removed ${removed} temp files left by an interrupted write under ${root}`);
  }
  onShutdown(watchRawArea(env, db, log));
  onShutdown(scheduleDetections(env, db, log));
  onShutdown(scheduleWarehouseEtl(env, db, log));
  const port = env.SIGHTLINE_INGEST_PORT ?? env.PORT + 1;
  if (!port) return {};
  // Optional: if the port is taken, the app still takes events on /api/collect.
  const ingest = await startIngestServer({ env, db, port }).catch((err: Error) => {
    log(`clickstream ingest listener not started (${err.message}); /api/collect still takes events`);
    return undefined;
  });
  if (!ingest) return {};
  onShutdown(ingest.close);
  log(`clickstream ingest listener on http://127.0.0.1:${ingest.port}/api/collect`);
  return { ingestPort: ingest.port };
}
