import type { Queryable } from "@/lib/ports/database";
import { COLUMNS, isTimestampColumn, TYPES, toCopyData, type WarehouseRow } from "./warehouse-rows";

/** The embedded engine: one array parameter per column; the primary key absorbs duplicates. */
const INSERT_UNNEST = `INSERT INTO clickstream_events (${COLUMNS.join(", ")})
  SELECT ${COLUMNS.map((c) => (isTimestampColumn(c) ? `to_timestamp(${c} / 1000.0)` : c)).join(", ")}
  FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) AS u(${COLUMNS.join(", ")})
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id::text AS id`;

const COPY = `COPY clickstream_events (${COLUMNS.join(", ")}) FROM STDIN`;

/**
 * Inserts the rows whose event id the warehouse does not hold yet; returns exactly those rows.
 * Postgres: the ids already stored are looked up, and the rest go in with `COPY` (bulk path; a
 * concurrent loader storing one of them first makes the COPY fail on the key, and the object's
 * transaction is retried). The embedded engine: `INSERT … ON CONFLICT DO NOTHING RETURNING`.
 */
export async function insertNewRows(q: Queryable, batch: WarehouseRow[]): Promise<WarehouseRow[]> {
  const seen = new Set<string>();
  const rows = batch.filter((r) => !seen.has(r[0] as string) && seen.add(r[0] as string));
  if (rows.length === 0) return [];
  return q.copyIn ? copyNewRows(q, rows) : insertUnnest(q, rows);
}

async function copyNewRows(q: Queryable, rows: WarehouseRow[]): Promise<WarehouseRow[]> {
  const copy = (rs: WarehouseRow[]) => q.copyIn?.(COPY, toCopyData(rs));
  // Usually none of the batch is stored yet: COPY it whole. If one is (a re-sent batch loaded
  // earlier), the key refuses the COPY; back to the savepoint, look the stored ids up, COPY the rest.
  await q.query("SAVEPOINT batch");
  try {
    await copy(rows);
    await q.query("RELEASE SAVEPOINT batch");
    return rows;
  } catch (err) {
    if ((err as { code?: string }).code !== "23505") throw err;
    await q.query("ROLLBACK TO SAVEPOINT batch");
  }
  const stored = await q.query<{ id: string }>(
    "SELECT event_id::text AS id FROM clickstream_events WHERE event_id = ANY($1::uuid[])",
    [rows.map((r) => r[0])],
  );
  const have = new Set(stored.map((r) => r.id));
  const fresh = rows.filter((r) => !have.has(r[0] as string));
  if (fresh.length) await copy(fresh);
  return fresh;
}

async function insertUnnest(q: Queryable, rows: WarehouseRow[]): Promise<WarehouseRow[]> {
  const inserted = await q.query<{ id: string }>(
    INSERT_UNNEST,
    COLUMNS.map((_, c) => rows.map((r) => r[c])),
  );
  const ids = new Set(inserted.map((r) => r.id));
  return rows.filter((r) => ids.has(r[0] as string));
}
