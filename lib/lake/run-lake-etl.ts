import { type DetectionTuning, loadTuning } from "@/lib/detections/tuning";
import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { raiseFindingEvents } from "./finding-events";
import {
  failLakeRun,
  finishLakeRun,
  isObjectUnchanged,
  recordFailedObject,
  recordProcessedObject,
  startLakeRun,
} from "./lake-runs";
import { type ObjectResult, processObject } from "./process-object";
import { countObject, newRunSummary, type RunSummary } from "./run-summary";
import type { ObjectStager, ParquetWriter } from "./stage-object";

export interface RawObject {
  key: string;
  size: number;
  /** Changes when the content changes (S3 ETag; locally size + mtime). */
  etag: string;
  read(): Promise<Uint8Array>;
}

interface RunLakeEtlArgs {
  db: Queryable;
  lake: ObjectStore;
  /** In-thread Parquet writer; or `stage`, e.g. a worker pool's (see lib/adapters/local/lake-worker-pool.ts). */
  writer?: ParquetWriter;
  stage?: ObjectStager;
  stagingRoot: string;
  objects: AsyncIterable<RawObject> | Iterable<RawObject>;
  trigger: string;
  skipUnchanged?: boolean;
  concurrency?: number;
  onObject?: (raw: RawObject, result: ObjectResult | null, summary: RunSummary) => void;
  /** The rules' tuning; read from the database at the start of the run when not given. */
  tuning?: DetectionTuning;
}

/**
 * Runs the lake ETL over a set of raw objects: each is normalized and published (see
 * processObject), recorded in `lake_objects`, and the run in `lake_runs`. A failing object is
 * recorded with its error and the run goes on. `skipUnchanged` skips objects whose etag was
 * already processed (the watcher's mode); imports re-process on purpose.
 */
export async function runLakeEtl(args: RunLakeEtlArgs): Promise<RunSummary> {
  const started = Date.now();
  const summary = newRunSummary(await startLakeRun(args.db, args.trigger));
  // In-thread: while DuckDB writes one object (on its own threads), JS normalizes the next. With a
  // stager (a worker pool), enough objects in flight to keep every worker busy.
  const concurrency = Math.max(1, args.concurrency ?? 2);
  try {
    const tuned = { ...args, tuning: args.tuning ?? (await loadTuning(args.db)) };
    await forEachConcurrently(args.objects, concurrency, (raw) => handleObject(tuned, summary, raw));
  } catch (err) {
    await failLakeRun(args.db, summary.runId, (err as Error).message);
    throw err;
  }
  summary.durationMs = Date.now() - started;
  await finishLakeRun(args.db, summary);
  return summary;
}

/** Processes and records one object; its failure is recorded, not thrown. */
async function handleObject(args: RunLakeEtlArgs, summary: RunSummary, raw: RawObject): Promise<void> {
  if (args.skipUnchanged && (await isObjectUnchanged(args.db, raw))) {
    summary.unchanged++;
    return;
  }
  try {
    const res = await processObject({
      sourceKey: raw.key,
      bytes: await raw.read(),
      lake: args.lake,
      writer: args.writer,
      stage: args.stage,
      stagingRoot: args.stagingRoot,
      tuning: args.tuning,
    });
    countObject(summary, res);
    await recordProcessedObject(args.db, summary.runId, raw, res);
    await raiseFindingEvents(args.db, res.findingEvents);
    args.onObject?.(raw, res, summary);
  } catch (err) {
    const message = (err as Error).message;
    summary.errors.push({ key: raw.key, message });
    await recordFailedObject(args.db, summary.runId, raw, message);
    args.onObject?.(raw, null, summary);
  }
}

/** Runs `fn` over the items with at most `concurrency` in flight; rejects with the first failure. */
async function forEachConcurrently<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for await (const item of items) {
    const p = fn(item).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}
