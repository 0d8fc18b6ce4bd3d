import { requireRole } from "@/lib/auth/require-role";
import type { Database, Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { Principal } from "@/lib/schemas/auth";
import type { PipelineStatus } from "@/lib/schemas/pipeline";
import { listObjectFailures } from "./object-failures";
import { getWarehouseCompleteness } from "./pending-objects";

const iso = (d: Date | string) => new Date(d).toISOString();

/** Ingest counters of the last 48 hours, newest first. */
async function listIngestHours(db: Queryable): Promise<PipelineStatus["ingest"]> {
  const rows = await db.query<{
    hour: Date;
    batches: number;
    received: number;
    accepted: number;
    rejected: number;
    bots: number;
    rate_limited: number;
    refused: number;
  }>("SELECT * FROM clickstream_ingest_hourly ORDER BY hour DESC LIMIT 48");
  return rows.map((r) => ({
    hour: iso(r.hour),
    batches: r.batches,
    received: r.received,
    accepted: r.accepted,
    rejected: r.rejected,
    bots: r.bots,
    rateLimited: r.rate_limited,
    refused: r.refused,
  }));
}

/** The last 20 ETL runs, newest first. */
async function listRuns(db: Queryable): Promise<PipelineStatus["runs"]> {
  const rows = await db.query<{
    id: string;
    trigger: string;
    status: string;
    started_at: Date;
    duration_ms: number | null;
    objects: number;
    loaded: number;
    duplicates: number;
    quarantined: number;
    failed_objects: number;
    error: string | null;
  }>("SELECT * FROM clickstream_runs ORDER BY id DESC LIMIT 20");
  return rows.map((r) => ({
    id: Number(r.id),
    trigger: r.trigger,
    status: r.status,
    startedAt: iso(r.started_at),
    durationMs: r.duration_ms,
    objects: r.objects,
    loaded: r.loaded,
    duplicates: r.duplicates,
    quarantined: r.quarantined,
    failedObjects: r.failed_objects,
    error: r.error,
  }));
}

/** The 10 most recently quarantined lines. */
async function listQuarantinedLines(db: Queryable): Promise<PipelineStatus["quarantine"]> {
  const rows = await db.query<{
    object_key: string;
    line: number;
    reason: string;
    raw: string;
    created_at: Date;
  }>("SELECT object_key, line, reason, raw, created_at FROM clickstream_quarantine ORDER BY id DESC LIMIT 10");
  return rows.map((q) => ({
    objectKey: q.object_key,
    line: q.line,
    reason: q.reason,
    raw: q.raw,
    at: iso(q.created_at),
  }));
}

/** Share of the last 24 h's events missing by per-client sequence gaps (null: no sequenced events). */
async function getLossRate(db: Queryable): Promise<number | null> {
  const [loss] = await db.query<{ seen: string | null; expected: string | null }>(
    `SELECT sum(n) AS seen, sum(hi - lo + 1) AS expected FROM (
       SELECT client_id, count(DISTINCT client_seq) AS n, min(client_seq) AS lo, max(client_seq) AS hi
       FROM clickstream_events WHERE client_seq IS NOT NULL AND event_timestamp > now() - interval '24 hours' GROUP BY client_id) t`,
  );
  const expected = Number(loss?.expected ?? 0);
  return expected > 0 ? 1 - Number(loss?.seen ?? 0) / expected : null;
}

/** What admins see of the clickstream pipeline: ingest per hour, ETL runs, lag, quarantine, loss. */
export async function getPipelineStatus({
  ctx,
}: {
  ctx: { db: Database; raw: ObjectStore; principal: Principal | null };
}): Promise<PipelineStatus> {
  requireRole(ctx.principal, ["admins"]);
  const { db } = ctx;
  const ingest = await listIngestHours(db);
  const runs = await listRuns(db);
  const failedObjects = await listObjectFailures(db);
  const quarantine = await listQuarantinedLines(db);
  const { completeUpTo, pendingObjects } = await getWarehouseCompleteness(db, ctx.raw);
  const lossRate = await getLossRate(db);
  return { ingest, runs, failedObjects, completeUpTo, pendingObjects, quarantine, lossRate };
}
