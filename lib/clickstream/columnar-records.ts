import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { recordObjectsLoadedWithoutCopy } from "./columnar-backfill";
import { finishColumnarCompactions, listCompactedKeys } from "./columnar-compaction";
import {
  type ColumnarCopy,
  columnarKey,
  keepFirstOccurrence,
  partitionsOf,
  publishColumnarObject,
  type StagedCopy,
  stageColumnarObject,
  sweepColumnarStaging,
} from "./columnar-copy";
import { LATE_HOURS } from "./pending-objects";
import { readRawObject } from "./warehouse-load";
import { COL, type WarehouseRow } from "./warehouse-rows";

/**
 * The columnar copy's records (`clickstream_columnar_objects`), written in each object's load
 * transaction: which partitions hold its files and which of its events another object loaded first.
 */

/**
 * In the load transaction, once the warehouse has taken `inserted` of the object's rows: the files
 * staged before the transaction must hold exactly those (re-staged when some were loaded by another
 * object), and the record says so. Returns the staged copy to publish after the commit, or null
 * when staging failed: the warehouse load goes on, and the next run writes the files from the record.
 */
export async function recordColumnarObject(
  tx: Queryable,
  copy: ColumnarCopy,
  o: { hour: string; key: string; rows: readonly WarehouseRow[] },
  staged: StagedCopy | null,
  inserted: readonly WarehouseRow[],
): Promise<StagedCopy | null> {
  const files =
    staged && inserted.length === staged.rows
      ? staged
      : staged && (await stageColumnarObject(copy, o.key, inserted).catch(() => null));
  const taken = new Set(inserted.map((r) => r[COL.id] as string));
  const skipped = [...new Set(o.rows.map((r) => r[COL.id] as string))].filter((id) => !taken.has(id));
  await tx.query(
    `INSERT INTO clickstream_columnar_objects (object_key, hour, parts, skipped_ids, published_at)
     VALUES ($1, $2, $3::text[], $4::uuid[], NULL)
     ON CONFLICT (object_key) DO UPDATE SET hour = $2, parts = $3::text[], skipped_ids = $4::uuid[], published_at = NULL`,
    [o.key, o.hour, partitionsOf(inserted), skipped],
  );
  return files || null;
}

/** After the files are in the store. */
export async function markColumnarPublished(q: Queryable, objectKey: string): Promise<void> {
  await q.query("UPDATE clickstream_columnar_objects SET published_at = now() WHERE object_key = $1", [objectKey]);
}

/**
 * Published records of objects received since `since` whose files are not all in the store (deleted,
 * lost with a disk) become unpublished again, so the repair writes them. A file merged into a
 * compacted one is present. Each partition is listed once, the merged files looked up once.
 */
async function unpublishLostFiles(q: Queryable, copy: ColumnarCopy, since: number): Promise<number> {
  const recs = await q.query<{ object_key: string; parts: string[] }>(
    "SELECT object_key, parts FROM clickstream_columnar_objects WHERE published_at IS NOT NULL AND hour >= $1",
    [new Date(since).toISOString()],
  );
  const compacted = await listCompactedKeys(q, [...new Set(recs.flatMap((r) => r.parts))]);
  const listed = new Map<string, Set<string>>();
  const lost: string[] = [];
  for (const r of recs) {
    for (const part of r.parts) {
      let keys = listed.get(part);
      if (!keys) {
        keys = new Set<string>();
        for await (const o of copy.store.list(`events/${part}/`)) keys.add(o.key);
        listed.set(part, keys);
      }
      const key = columnarKey(part, r.object_key);
      if (!keys.has(key) && !compacted.has(key)) {
        lost.push(r.object_key);
        break;
      }
    }
  }
  if (lost.length)
    await q.query("UPDATE clickstream_columnar_objects SET published_at = NULL WHERE object_key = ANY($1::text[])", [
      lost,
    ]);
  return lost.length;
}

/**
 * The start of a run (under the lease): staged files of earlier runs are swept (a crash before its
 * commit left them: those objects are loaded again, whole), and every object whose load committed
 * but whose files were never published gets them written again from its raw object — the same
 * rows, since the record keeps which of its events another object had loaded first. So does every
 * object of the last `LATE_HOURS` whose files went missing, and every object loaded without the copy
 * (`columnar-backfill.ts`). A compaction a crash left unfinished is finished or dropped first.
 * Returns the objects repaired and the problems met (an object that fails is tried again by the next run).
 */
export async function repairColumnarCopy(
  q: Queryable,
  raw: ObjectStore,
  copy: ColumnarCopy,
  now: number,
): Promise<{ repaired: number; problems: string[] }> {
  sweepColumnarStaging(copy);
  const problems: string[] = [];
  await finishColumnarCompactions(q, copy).catch((err: Error) => {
    problems.push(`finishing a compaction of the columnar copy: ${err.message} (tried again by the next run)`);
  });
  await recordObjectsLoadedWithoutCopy(q, raw).catch((err: Error) => {
    problems.push(`columnar copy of objects loaded without it: ${err.message} (tried again by the next run)`);
  });
  await unpublishLostFiles(q, copy, now - LATE_HOURS * 3_600_000);
  const pending = await q.query<{ object_key: string; skipped_ids: string[] }>(
    "SELECT object_key, skipped_ids::text[] AS skipped_ids FROM clickstream_columnar_objects WHERE published_at IS NULL ORDER BY object_key",
  );
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
