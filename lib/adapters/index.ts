import "server-only";
import type { SessionKeyring } from "@/lib/auth/session-keys";
import type { ColumnarCopy } from "@/lib/clickstream/columnar-copy";
import type { ScheduledRunSummary } from "@/lib/detections/run-scheduled-detections";
import { type Env, env as loadProcessEnv } from "@/lib/env";
import type { IncidentDeps } from "@/lib/incidents/deps";
import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { IdentityProvider } from "@/lib/ports/identity";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import { composeContext } from "./compose/app-context";

/** Everything domain code reaches the outside world through, built once per process by `composeContext`. */
export interface AppContext {
  env: Env;
  db: Database;
  identity: IdentityProvider;
  /** Read-only SQL over the lake: DuckDB over local Parquet, or Athena. */
  lake: LakeQueryEngine;
  /** Raw clickstream events (`events/YYYY/MM/DD/HH/…`): a directory locally, the clickstream bucket in AWS. */
  clickstreamRaw: ObjectStore;
  /** Local backend only (so far): where the warehouse ETL writes the events' columnar copy, and the engine reading it. */
  clickstreamCopy?: ColumnarCopy;
  eventLake?: EventLakeQuery;
  /** Step Functions, or the in-process ASL engine over the same definitions. */
  workflows: WorkflowEngine;
  /** Incident response: cloud controls (simulated locally), evidence store, notifications, settings. */
  incidents: IncidentDeps;
  /** Local backend only: the keys that sign session cookies. */
  sessionKeys?: SessionKeyring;
  /** Local backend only: runs the threshold and sequence rules now (in AWS a scheduled Lambda does). */
  runDetections?: () => Promise<ScheduledRunSummary>;
}

// Survives Next's module re-evaluation in dev (and is shared with instrumentation.ts's copy of this
// module), so one process keeps one pool and one engine.
const holder = globalThis as unknown as { __sightlineCtx?: Promise<AppContext> };

/** The app server's ports, built on first use. Background work is started by lib/runtime, not here. */
export function getContext(): Promise<AppContext> {
  holder.__sightlineCtx ??= composeContext(loadProcessEnv()).catch((err) => {
    holder.__sightlineCtx = undefined;
    throw err;
  });
  return holder.__sightlineCtx;
}

/** Closes the process-wide context (server shutdown, tests). */
export async function closeContext(): Promise<void> {
  const ctx = holder.__sightlineCtx;
  holder.__sightlineCtx = undefined;
  if (!ctx) return;
  const c = await ctx;
  await c.workflows.stop?.();
  await c.lake.close();
  await c.db.close();
}
