import type { Queryable } from "@/lib/ports/database";
import { toStorableText } from "@/lib/schemas/common";
import type { PipelineStatus } from "@/lib/schemas/pipeline";

/** Failed attempts after which a raw object is quarantined whole (and later runs pass over it). */
export const MAX_OBJECT_ATTEMPTS = 3;

export type ObjectFailure = PipelineStatus["failedObjects"][number];

/**
 * Records one failed load of an object (outside the object's own transaction, which rolled back).
 * Returns true when this attempt quarantined it. A changed size starts the count again: the object
 * was rewritten, so the earlier failures say nothing about it.
 */
export async function recordObjectFailure(
  q: Queryable,
  o: { key: string; hour: string; size: number; error: string },
): Promise<boolean> {
  const [row] = await q.query<{ quarantined: boolean }>(
    `INSERT INTO clickstream_object_failures AS f (object_key, hour, size, attempts, last_error)
     VALUES ($1, $2, $3, 1, $4)
     ON CONFLICT (object_key) DO UPDATE SET
       attempts = CASE WHEN f.size = EXCLUDED.size THEN f.attempts + 1 ELSE 1 END,
       size = EXCLUDED.size, last_error = EXCLUDED.last_error, last_failed_at = now(),
       quarantined_at = NULL
     RETURNING attempts >= ${MAX_OBJECT_ATTEMPTS} AS quarantined`,
    [o.key, o.hour, o.size, toStorableText(o.error).slice(0, 2000)],
  );
  if (row?.quarantined)
    await q.query("UPDATE clickstream_object_failures SET quarantined_at = now() WHERE object_key = $1", [o.key]);
  return row?.quarantined ?? false;
}

/** An object loaded after earlier failures is no longer a failure. */
export async function clearObjectFailure(q: Queryable, key: string): Promise<void> {
  await q.query("DELETE FROM clickstream_object_failures WHERE object_key = $1", [key]);
}

/** Quarantined objects by key → the size they were quarantined at (a run passes over exactly those). */
export async function listQuarantinedObjects(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ object_key: string; size: string }>(
    "SELECT object_key, size FROM clickstream_object_failures WHERE quarantined_at IS NOT NULL",
  );
  return new Map(rows.map((r) => [r.object_key, Number(r.size)]));
}

/** Every object that failed, newest first, for the pipeline page. */
export async function listObjectFailures(q: Queryable, limit = 20): Promise<ObjectFailure[]> {
  const rows = await q.query<{
    object_key: string;
    hour: Date;
    size: string;
    attempts: number;
    last_error: string;
    last_failed_at: Date;
    quarantined_at: Date | null;
  }>("SELECT * FROM clickstream_object_failures ORDER BY last_failed_at DESC LIMIT $1", [limit]);
  return rows.map((r) => ({
    objectKey: r.object_key,
    hour: new Date(r.hour).toISOString(),
    size: Number(r.size),
    attempts: r.attempts,
    lastError: r.last_error,
    lastFailedAt: new Date(r.last_failed_at).toISOString(),
    quarantinedAt: r.quarantined_at ? new Date(r.quarantined_at).toISOString() : null,
  }));
}
