import { requireRole } from "@/lib/auth/require-role";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import type { IngestionStatus } from "@/lib/schemas/ingestion";

/** Admins: lake ETL health — per-source counts, recent runs, quarantine samples, failed objects. */
export async function getIngestionStatus({
  ctx,
}: {
  ctx: { db: Database; principal: Principal | null };
}): Promise<IngestionStatus> {
  requireRole(ctx.principal, ["admins"]);
  const [sources, runs, quarantine, failed] = await Promise.all([
    ctx.db.query<Record<string, unknown>>(
      `SELECT kind AS source, count(*)::int AS objects,
              COALESCE(sum((SELECT sum(value::bigint) FROM jsonb_each_text(rows))), 0)::bigint AS rows,
              COALESCE(sum(quarantined), 0)::int AS quarantined,
              COALESCE(sum((SELECT sum(value::bigint) FROM jsonb_each_text(skipped))), 0)::bigint AS skipped,
              count(*) FILTER (WHERE error IS NOT NULL)::int AS errors,
              max(processed_at) AS last
         FROM lake_objects GROUP BY kind ORDER BY kind`,
    ),
    ctx.db.query<Record<string, unknown>>(
      `SELECT id, trigger, status, started_at, duration_ms, objects, unchanged, rows, quarantined, errors
         FROM lake_runs ORDER BY id DESC LIMIT 25`,
    ),
    ctx.db.query<Record<string, unknown>>(
      `SELECT o.source_key, s->>'position' AS position, s->>'reason' AS reason, s->>'sample' AS sample, o.processed_at
         FROM (SELECT * FROM lake_objects WHERE quarantined > 0 ORDER BY processed_at DESC LIMIT 20) o,
              jsonb_array_elements(o.quarantine_samples) s
        ORDER BY o.processed_at DESC LIMIT 50`,
    ),
    ctx.db.query<Record<string, unknown>>(
      "SELECT source_key, error, processed_at FROM lake_objects WHERE error IS NOT NULL ORDER BY processed_at DESC LIMIT 20",
    ),
  ]);
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  return {
    sources: sources.map((s) => ({
      source: String(s.source),
      objects: Number(s.objects),
      rows: Number(s.rows),
      quarantined: Number(s.quarantined),
      skipped: Number(s.skipped),
      errors: Number(s.errors),
      lastProcessedAt: s.last ? iso(s.last) : null,
    })),
    runs: runs.map((r) => ({
      id: Number(r.id),
      trigger: String(r.trigger),
      status: String(r.status),
      startedAt: iso(r.started_at),
      durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
      objects: Number(r.objects),
      unchanged: Number(r.unchanged),
      rows: r.rows as Record<string, number>,
      quarantined: Number(r.quarantined),
      errors: Number(r.errors),
    })),
    quarantine: quarantine.map((q) => ({
      sourceKey: String(q.source_key),
      position: String(q.position),
      reason: String(q.reason),
      sample: String(q.sample),
      processedAt: iso(q.processed_at),
    })),
    failedObjects: failed.map((f) => ({
      sourceKey: String(f.source_key),
      error: String(f.error),
      processedAt: iso(f.processed_at),
    })),
  };
}
