import type { Database, Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { Principal } from "@/lib/schemas/auth";
import type { PipelineStatus } from "@/lib/schemas/pipeline";
import { requireRole } from "@/lib/auth/require-role";
import { hourOfKey } from "./ingest";
import { listObjectFailures, quarantinedObjects } from "./object-failures";
import { LATE_HOURS } from "./run-etl";

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Lag: "complete up to" is the earliest raw hour holding an object its load record does not list
 * yet (or the end of the latest hour when everything is loaded).
 */
export async function warehouseCompleteness(
  db: Queryable,
  raw: ObjectStore,
): Promise<{ completeUpTo: string | null; pendingObjects: number }> {
  const loads = new Map(
    (
      await db.query<{ hour: Date; objects: Record<string, number> }>("SELECT hour, objects FROM clickstream_loads")
    ).map((l) => [iso(l.hour), l.objects]),
  );
  let earliestPending: string | null = null;
  let latestHour: string | null = null;
  let pendingObjects = 0;
  const since = Date.now() - LATE_HOURS * 3_600_000;
  const skipped = await quarantinedObjects(db);
  for await (const o of raw.list("events/")) {
    const hour = hourOfKey(o.key);
    if (!hour || Date.parse(hour) < since) continue;
    if (skipped.get(o.key) === o.size) continue; // quarantined whole: listed on its own
    if (!latestHour || hour > latestHour) latestHour = hour;
    if (loads.get(hour)?.[o.key] !== o.size) {
      pendingObjects++;
      if (!earliestPending || hour < earliestPending) earliestPending = hour;
    }
  }
  const completeUpTo =
    earliestPending ?? (latestHour ? new Date(Date.parse(latestHour) + 3_600_000).toISOString() : null);
  return { completeUpTo, pendingObjects };
}

/** What admins see of the clickstream pipeline: ingest per hour, ETL runs, lag, quarantine, loss. */
export async function getPipelineStatus({
  ctx,
}: {
  ctx: { db: Database; raw: ObjectStore; principal: Principal | null };
}): Promise<PipelineStatus> {
  requireRole(ctx.principal, ["admins"]);
  const { db } = ctx;
  const ingest = await db.query<{
    hour: Date;
    batches: number;
    received: number;
    accepted: number;
    rejected: number;
    bots: number;
    rate_limited: number;
    refused: number;
  }>("SELECT * FROM clickstream_ingest_hourly ORDER BY hour DESC LIMIT 48");
  const runs = await db.query<{
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
  const failedObjects = await listObjectFailures(db);
  const quarantine = await db.query<{
    object_key: string;
    line: number;
    reason: string;
    raw: string;
    created_at: Date;
  }>("SELECT object_key, line, reason, raw, created_at FROM clickstream_quarantine ORDER BY id DESC LIMIT 10");
  const { completeUpTo, pendingObjects } = await warehouseCompleteness(db, ctx.raw);
  const [loss] = await db.query<{ seen: string | null; expected: string | null }>(
    `SELECT sum(n) AS seen, sum(hi - lo + 1) AS expected FROM (
       SELECT client_id, count(DISTINCT client_seq) AS n, min(client_seq) AS lo, max(client_seq) AS hi
       FROM clickstream_events WHERE client_seq IS NOT NULL AND event_timestamp > now() - interval '24 hours' GROUP BY client_id) t`,
  );
  const expected = Number(loss?.expected ?? 0);
  return {
    ingest: ingest.map((r) => ({
      hour: iso(r.hour),
      batches: r.batches,
      received: r.received,
      accepted: r.accepted,
      rejected: r.rejected,
      bots: r.bots,
      rateLimited: r.rate_limited,
      refused: r.refused,
    })),
    runs: runs.map((r) => ({
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
    })),
    failedObjects,
    completeUpTo,
    pendingObjects,
    quarantine: quarantine.map((q) => ({
      objectKey: q.object_key,
      line: q.line,
      reason: q.reason,
      raw: q.raw,
      at: iso(q.created_at),
    })),
    lossRate: expected > 0 ? 1 - Number(loss?.seen ?? 0) / expected : null,
  };
}
