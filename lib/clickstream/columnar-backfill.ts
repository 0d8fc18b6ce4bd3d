import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { keepFirstOccurrence, partitionOfMs } from "./columnar-copy";
import { readRawObject } from "./warehouse-load";
import { COL } from "./warehouse-rows";

/**
 * Objects the warehouse loaded without the columnar copy (before it existed) get copy records, so
 * the repair writes their files. Which of an object's events it inserted was not recorded then; but
 * every run since the copy exists writes it, so these objects were all loaded before any recorded
 * one, and each event any of them holds was inserted by one of them: the first to hold it in load
 * order (hour, then key — the order a run loads them in). All records go in one transaction, so a
 * crash never leaves half of them claiming events the other half would claim again. Returns how
 * many objects were recorded; an object that cannot be read leaves them all for the next run.
 */
export async function recordObjectsLoadedWithoutCopy(db: Queryable, raw: ObjectStore): Promise<number> {
  const missing = await db.query<{ hour: Date; key: string }>(
    `SELECT l.hour, k.key FROM clickstream_loads l CROSS JOIN LATERAL jsonb_object_keys(l.objects) AS k(key)
     WHERE NOT EXISTS (SELECT 1 FROM clickstream_columnar_objects c WHERE c.object_key = k.key)
     ORDER BY l.hour, k.key`,
  );
  if (missing.length === 0) return 0;
  const claimed = new Set<string>();
  const records: { hour: string; key: string; parts: string[]; skipped: string[] }[] = [];
  for (const m of missing) {
    // A raw object deleted since (expired): left without a record, so the copy stays incomplete and
    // funnels keep reading Postgres.
    if ((await raw.getOptional(m.key)) === null) continue;
    const o = await readRawObject(raw, { key: m.key, size: 0 });
    const parts = new Set<string>();
    const skipped: string[] = [];
    for (const r of keepFirstOccurrence(o.rows)) {
      const id = r[COL.id] as string;
      if (claimed.has(id)) skipped.push(id);
      else {
        claimed.add(id);
        parts.add(partitionOfMs(r[COL.ts] as number));
      }
    }
    records.push({ hour: new Date(m.hour).toISOString(), key: m.key, parts: [...parts].sort(), skipped });
  }
  if (records.length === 0) return 0;
  await db.query(
    `INSERT INTO clickstream_columnar_objects (object_key, hour, parts, skipped_ids, published_at)
     SELECT r.key, r.hour::timestamptz, ARRAY(SELECT jsonb_array_elements_text(r.parts)),
       ARRAY(SELECT jsonb_array_elements_text(r.skipped))::uuid[], NULL
     FROM jsonb_to_recordset($1::jsonb) AS r(key text, hour text, parts jsonb, skipped jsonb)
     ON CONFLICT (object_key) DO NOTHING`,
    [JSON.stringify(records)],
  );
  return records.length;
}
