import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import {
  type FindingEventRow,
  type ObjectResult,
  type ObjectStager,
  type ParquetWriter,
  processObject,
} from "./process-object";
import type { TableName } from "./tables";

/**
 * Raises the object's findings as events (the local counterpart of GuardDuty → EventBridge): one
 * row per (finding, update), so re-processing an object raises nothing new.
 */
export async function raiseFindingEvents(db: Queryable, events: readonly FindingEventRow[]): Promise<number> {
  let raised = 0;
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    const r = await db.query(
      `INSERT INTO finding_events (finding_id, updated_at, origin, severity, severity_vendor, event)
       SELECT finding_id, to_timestamp(ms / 1000.0), origin, severity, severity_vendor, event
       FROM unnest($1::text[], $2::double precision[], $3::text[], $4::int[], $5::double precision[], $6::jsonb[])
         AS t(finding_id, ms, origin, severity, severity_vendor, event)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [
        batch.map((e) => e.findingId),
        batch.map((e) => e.updatedAt),
        batch.map((e) => e.origin),
        batch.map((e) => e.severity),
        batch.map((e) => e.severityVendor),
        batch.map((e) => JSON.stringify(e.event)),
      ],
    );
    raised += r.length;
  }
  return raised;
}

export interface RawObject {
  key: string;
  size: number;
  /** Changes when the content changes (S3 ETag; locally size + mtime). */
  etag: string;
  read(): Promise<Uint8Array>;
}

export interface RunSummary {
  runId: number;
  objects: number;
  unchanged: number;
  rows: Partial<Record<TableName, number>>;
  records: number;
  quarantined: number;
  skipped: Record<string, number>;
  errors: { key: string; message: string }[];
  durationMs: number;
}

const add = (into: Record<string, number>, from: Record<string, number | undefined>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v ?? 0);
};

/**
 * Runs the lake ETL over a set of raw objects: each is normalized and published (see
 * processObject), recorded in `lake_objects`, and the run in `lake_runs`. A failing object is
 * recorded with its error and the run goes on. `skipUnchanged` skips objects whose etag was
 * already processed (the watcher's mode); imports re-process on purpose.
 */
export async function runLakeEtl(args: {
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
}): Promise<RunSummary> {
  const started = Date.now();
  const [run] = await args.db.query<{ id: string }>("INSERT INTO lake_runs (trigger) VALUES ($1) RETURNING id", [
    args.trigger,
  ]);
  const summary: RunSummary = {
    runId: Number(run?.id),
    objects: 0,
    unchanged: 0,
    rows: {},
    records: 0,
    quarantined: 0,
    skipped: {},
    errors: [],
    durationMs: 0,
  };

  const handle = async (raw: RawObject) => {
    if (args.skipUnchanged) {
      const seen = await args.db.query(
        "SELECT 1 FROM lake_objects WHERE source_key = $1 AND etag = $2 AND error IS NULL",
        [raw.key, raw.etag],
      );
      if (seen.length) {
        summary.unchanged++;
        return;
      }
    }
    try {
      const res = await processObject({
        sourceKey: raw.key,
        bytes: await raw.read(),
        lake: args.lake,
        writer: args.writer,
        stage: args.stage,
        stagingRoot: args.stagingRoot,
      });
      summary.objects++;
      add(summary.rows, res.rows);
      summary.records += Object.values(res.rows).reduce((a, b) => a + (b ?? 0), 0);
      summary.quarantined += res.quarantined;
      add(summary.skipped, res.skipped);
      await args.db.query(
        `INSERT INTO lake_objects (source_key, object_id, kind, size, etag, run_id, rows, quarantined, skipped, quarantine_samples, outputs, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL)
         ON CONFLICT (source_key) DO UPDATE SET object_id = EXCLUDED.object_id, kind = EXCLUDED.kind, size = EXCLUDED.size,
           etag = EXCLUDED.etag, processed_at = now(), run_id = EXCLUDED.run_id, rows = EXCLUDED.rows,
           quarantined = EXCLUDED.quarantined, skipped = EXCLUDED.skipped, quarantine_samples = EXCLUDED.quarantine_samples,
           outputs = EXCLUDED.outputs, error = NULL`,
        [
          raw.key,
          res.objectId,
          res.kind,
          raw.size,
          raw.etag,
          summary.runId,
          JSON.stringify(res.rows),
          res.quarantined,
          JSON.stringify(res.skipped),
          JSON.stringify(res.quarantineSamples),
          res.outputs.length,
        ],
      );
      await raiseFindingEvents(args.db, res.findingEvents);
      args.onObject?.(raw, res, summary);
    } catch (err) {
      const message = (err as Error).message;
      summary.errors.push({ key: raw.key, message });
      await args.db.query(
        `INSERT INTO lake_objects (source_key, object_id, kind, size, etag, run_id, error) VALUES ($1, '', 'unknown', $2, $3, $4, $5)
         ON CONFLICT (source_key) DO UPDATE SET processed_at = now(), run_id = EXCLUDED.run_id, error = EXCLUDED.error, etag = EXCLUDED.etag`,
        [raw.key, raw.size, raw.etag, summary.runId, message],
      );
      args.onObject?.(raw, null, summary);
    }
  };

  // In-thread: while DuckDB writes one object (on its own threads), JS normalizes the next. With a
  // stager (a worker pool), enough objects in flight to keep every worker busy.
  const concurrency = Math.max(1, args.concurrency ?? 2);
  const inFlight = new Set<Promise<void>>();
  try {
    for await (const raw of args.objects) {
      const p = handle(raw).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } catch (err) {
    await args.db.query("UPDATE lake_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1", [
      summary.runId,
      (err as Error).message,
    ]);
    throw err;
  }
  summary.durationMs = Date.now() - started;
  await args.db.query(
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
  return summary;
}
