import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { toStorableText } from "@/lib/schemas/common";
import { getCubeDaysTouched } from "./funnel-cube";
import { mergeIdentities } from "./identity-map";
import { clearObjectFailure } from "./object-failures";
import { insertNewRows } from "./warehouse-insert";
import { applyRollups } from "./warehouse-rollups";
import { computeEventSpan, type EventSpan, toWarehouseRow, type WarehouseRow } from "./warehouse-rows";

const BATCH = 5000;

/** A raw object read and parsed: its usable rows and its unusable lines with their reasons. */
export interface ParsedObject {
  key: string;
  size: number;
  lines: number;
  rows: WarehouseRow[];
  /** The earliest and latest event time of `rows` (null for none), computed once per object. */
  span: EventSpan | null;
  bad: { line: number; reason: string; raw: string }[];
}

export async function readRawObject(raw: ObjectStore, o: { key: string; size: number }): Promise<ParsedObject> {
  const text = Buffer.from(await raw.get(o.key)).toString("utf8");
  const rows: WarehouseRow[] = [];
  const bad: ParsedObject["bad"] = [];
  let n = 0;
  for (const l of text.split("\n")) {
    if (!l.trim()) continue;
    n++;
    try {
      rows.push(toWarehouseRow(l));
    } catch (err) {
      bad.push({ line: n, reason: (err as Error).message.slice(0, 500), raw: l.slice(0, 4000) });
    }
  }
  return { ...o, lines: n, rows, span: computeEventSpan(rows), bad };
}

/**
 * Rows into the warehouse inside the caller's transaction: the new ones inserted (batches of
 * `BATCH`) and merged into the rollups and the identity map. Returns how many were new. (The ETL's per-object step; bulk
 * seeding for benchmarks calls it directly.)
 */
export async function loadWarehouseRows(tx: Queryable, all: WarehouseRow[]): Promise<number> {
  return (await insertWarehouseRows(tx, all)).length;
}

/** `loadWarehouseRows`, returning the rows the warehouse took. */
async function insertWarehouseRows(tx: Queryable, all: WarehouseRow[]): Promise<WarehouseRow[]> {
  await tx.query("SET LOCAL jit = off").catch(() => undefined); // short statements: compiling costs more than it saves
  const inserted: WarehouseRow[] = [];
  for (let j = 0; j < all.length; j += BATCH) {
    const rows = await insertNewRows(tx, all.slice(j, j + BATCH));
    await applyRollups(tx, rows);
    inserted.push(...rows);
  }
  // Once per object, in client order: concurrent loaders lock the map's rows (then its version) in
  // one order, so they never deadlock on them.
  await mergeIdentities(tx, inserted);
  return inserted;
}

/**
 * One object in one transaction: rows, quarantined lines, and the hour's load record. The funnel
 * cube's days these rows touch stop counting as computed in the same transaction (the run
 * recomputes them at its end), so a crash between the load and that refresh never leaves the cube
 * answering with counts that miss these rows. `onInserted` runs in the transaction with the rows the
 * warehouse took (the columnar copy records them).
 */
export async function loadRawObject(
  tx: Queryable,
  hour: string,
  o: ParsedObject,
  onInserted?: (tx: Queryable, rows: WarehouseRow[]) => Promise<void>,
): Promise<number> {
  const rows = await insertWarehouseRows(tx, o.rows);
  await onInserted?.(tx, rows);
  const inserted = rows.length;
  if (inserted > 0 && o.span) {
    const days = getCubeDaysTouched(o.span.min, o.span.max);
    await tx.query("DELETE FROM clickstream_funnel_cube_days WHERE day >= $1::date AND day < $2::date", [
      days.fromDay,
      days.toDay,
    ]);
  }
  for (const b of o.bad) {
    await tx.query(
      "INSERT INTO clickstream_quarantine (object_key, line, reason, raw) VALUES ($1, $2, $3, $4) ON CONFLICT (object_key, line) DO NOTHING",
      [o.key, b.line, toStorableText(b.reason), toStorableText(b.raw)],
    );
  }
  await clearObjectFailure(tx, o.key);
  await tx.query(
    `INSERT INTO clickstream_loads (hour, objects, read, loaded, duplicates, quarantined) VALUES ($1, jsonb_build_object($2::text, $3::bigint), $4, $5, $6, $7)
     ON CONFLICT (hour) DO UPDATE SET objects = clickstream_loads.objects || jsonb_build_object($2::text, $3::bigint),
       read = clickstream_loads.read + $4, loaded = clickstream_loads.loaded + $5,
       duplicates = clickstream_loads.duplicates + $6, quarantined = clickstream_loads.quarantined + $7, updated_at = now()`,
    [hour, o.key, o.size, o.lines, inserted, o.rows.length - inserted, o.bad.length],
  );
  return inserted;
}
