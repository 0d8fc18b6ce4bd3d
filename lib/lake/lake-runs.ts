import type { Queryable } from "@/lib/ports/database";
import type { ObjectResult } from "./process-object";
import type { RunSummary } from "./run-summary";

/** The bookkeeping of lake ETL runs: `lake_runs` (one row per run) and `lake_objects` (one per source key). */

/** Which version of a raw object was processed. */
interface ObjectVersion {
  key: string;
  size: number;
  etag: string;
}

/** Opens a run; its id. */
export async function startLakeRun(db: Queryable, trigger: string): Promise<number> {
  const [run] = await db.query<{ id: string }>("INSERT INTO lake_runs (trigger) VALUES ($1) RETURNING id", [trigger]);
  return Number(run?.id);
}

/** True when this version of the object was already processed without error. */
export async function isObjectUnchanged(db: Queryable, raw: ObjectVersion): Promise<boolean> {
  const seen = await db.query("SELECT 1 FROM lake_objects WHERE source_key = $1 AND etag = $2 AND error IS NULL", [
    raw.key,
    raw.etag,
  ]);
  return seen.length > 0;
}

export async function recordProcessedObject(
  db: Queryable,
  runId: number,
  raw: ObjectVersion,
  res: ObjectResult,
): Promise<void> {
  await db.query(
    `INSERT INTO lake_objects (source_key, object_id, kind, size, etag, run_id, rows, quarantined, skipped, quarantine_samples, outputs, hours, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL)
     ON CONFLICT (source_key) DO UPDATE SET object_id = EXCLUDED.object_id, kind = EXCLUDED.kind, size = EXCLUDED.size,
       etag = EXCLUDED.etag, processed_at = now(), run_id = EXCLUDED.run_id, rows = EXCLUDED.rows,
       quarantined = EXCLUDED.quarantined, skipped = EXCLUDED.skipped, quarantine_samples = EXCLUDED.quarantine_samples,
       outputs = EXCLUDED.outputs, hours = EXCLUDED.hours, error = NULL`,
    [
      raw.key,
      res.objectId,
      res.kind,
      raw.size,
      raw.etag,
      runId,
      JSON.stringify(res.rows),
      res.quarantined,
      JSON.stringify(res.skipped),
      JSON.stringify(res.quarantineSamples),
      res.outputs.length,
      hoursOf(res.outputs),
    ],
  );
}

/** The lake hours an object's outputs fall in, as `<table>/<yyyy-mm-dd>/<hh>` (from their partition paths). */
export function hoursOf(outputs: readonly string[]): string[] {
  const hours = new Set<string>();
  for (const key of outputs) {
    const m = /^processed\/([a-z]+)\/dt=(\d{4}-\d{2}-\d{2})\/hr=(\d{2})\//.exec(key);
    if (m) hours.add(`${m[1]}/${m[2]}/${m[3]}`);
  }
  return [...hours].sort();
}

export async function recordFailedObject(
  db: Queryable,
  runId: number,
  raw: ObjectVersion,
  message: string,
): Promise<void> {
  await db.query(
    `INSERT INTO lake_objects (source_key, object_id, kind, size, etag, run_id, error) VALUES ($1, '', 'unknown', $2, $3, $4, $5)
     ON CONFLICT (source_key) DO UPDATE SET processed_at = now(), run_id = EXCLUDED.run_id, error = EXCLUDED.error, etag = EXCLUDED.etag`,
    [raw.key, raw.size, raw.etag, runId, message],
  );
}

export async function failLakeRun(db: Queryable, runId: number, message: string): Promise<void> {
  await db.query("UPDATE lake_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1", [
    runId,
    message,
  ]);
}

/** A run that found nothing new: the watcher's poll over files it already loaded. */
const IDLE_RUN = "status = 'succeeded' AND objects = 0 AND errors = 0";

/**
 * Records the run's outcome. Runs that found nothing new are noise in the run list (the watcher polls
 * every few seconds), so only the latest one is kept: it says when the lake was last checked.
 */
export async function finishLakeRun(db: Queryable, summary: RunSummary): Promise<void> {
  await db.query(
    `UPDATE lake_runs SET status = 'succeeded', finished_at = now(), objects = $2, unchanged = $3, rows = $4,
       quarantined = $5, skipped = $6, errors = $7, duration_ms = $8 WHERE id = $1`,
    [
      summary.runId,
      summary.objects,
      summary.unchanged,
      JSON.stringify(summary.rows),
      summary.quarantined,
      JSON.stringify(summary.skipped),
      summary.errors.length,
      summary.durationMs,
    ],
  );
  await db.query(`DELETE FROM lake_runs WHERE id < $1 AND ${IDLE_RUN}`, [summary.runId]);
}
