import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import {
  type ColumnarCopy,
  keepFirstOccurrence,
  publishColumnarObject,
  type StagedCopy,
  stageColumnarObject,
  sweepColumnarStaging,
} from "./columnar-copy";
import { readRawObject } from "./warehouse-load";
import { COL, type WarehouseRow } from "./warehouse-rows";

/**
 * The columnar copy's records (`clickstream_columnar_objects`), written in each object's load
 * transaction: which partitions hold its files and which of its events another object loaded first.
 */

/**
 * In the load transaction, once the warehouse has taken `inserted` of the object's rows: the files
 * staged before the transaction must hold exactly those (re-staged when some were loaded by another
 * object), and the record says so. Returns the staged copy to publish after the commit.
 */
export async function recordColumnarObject(
  tx: Queryable,
  copy: ColumnarCopy,
  o: { hour: string; key: string; rows: readonly WarehouseRow[] },
  staged: StagedCopy,
  inserted: readonly WarehouseRow[],
): Promise<StagedCopy> {
  const files = inserted.length === staged.rows ? staged : await stageColumnarObject(copy, o.key, inserted);
  const taken = new Set(inserted.map((r) => r[COL.id] as string));
  const skipped = [...new Set(o.rows.map((r) => r[COL.id] as string))].filter((id) => !taken.has(id));
  await tx.query(
    `INSERT INTO clickstream_columnar_objects (object_key, hour, parts, skipped_ids, published_at)
     VALUES ($1, $2, $3::text[], $4::uuid[], NULL)
     ON CONFLICT (object_key) DO UPDATE SET hour = $2, parts = $3::text[], skipped_ids = $4::uuid[], published_at = NULL`,
    [o.key, o.hour, files.files.map((f) => f.part), skipped],
  );
  return files;
}

/** After the files are in the store. */
export async function markColumnarPublished(q: Queryable, objectKey: string): Promise<void> {
  await q.query("UPDATE clickstream_columnar_objects SET published_at = now() WHERE object_key = $1", [objectKey]);
}

/**
 * The start of a run (under the lease): staged files of earlier runs are swept (a crash before its
 * commit left them: those objects are loaded again, whole), and every object whose load committed
 * but whose files were never published gets them written again from its raw object — the same
 * rows, since the record keeps which of its events another object had loaded first. Returns the
 * objects repaired and the problems met (an object that fails is tried again by the next run).
 */
export async function repairColumnarCopy(
  q: Queryable,
  raw: ObjectStore,
  copy: ColumnarCopy,
): Promise<{ repaired: number; problems: string[] }> {
  sweepColumnarStaging(copy);
  const pending = await q.query<{ object_key: string; skipped_ids: string[] }>(
    "SELECT object_key, skipped_ids::text[] AS skipped_ids FROM clickstream_columnar_objects WHERE published_at IS NULL ORDER BY object_key",
  );
  const problems: string[] = [];
  let repaired = 0;
  for (const p of pending) {
    try {
      const o = await readRawObject(raw, { key: p.object_key, size: 0 });
      const skipped = new Set(p.skipped_ids);
      const rows = keepFirstOccurrence(o.rows).filter((r) => !skipped.has(r[COL.id] as string));
      await publishColumnarObject(copy, await stageColumnarObject(copy, p.object_key, rows));
      await markColumnarPublished(q, p.object_key);
      repaired++;
    } catch (err) {
      problems.push(`columnar copy of ${p.object_key}: ${(err as Error).message}`);
    }
  }
  return { repaired, problems };
}
