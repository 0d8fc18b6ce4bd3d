import fs from "node:fs";
import path from "node:path";
import type { Queryable } from "@/lib/ports/database";
import type { ParquetColumn } from "@/lib/ports/parquet-file-writer";
import type { ColumnarCopy } from "./columnar-copy";
import { COL, type WarehouseRow } from "./warehouse-rows";

/**
 * The identity map's upkeep (see identity.ts): merged in each load's transaction from the rows the
 * warehouse took, and written for the columnar copy as one Parquet file after a run that changed it.
 */

/** The map's key in the columnar copy's store. */
export const IDENTITIES_KEY = "identities/identities.parquet";

export const IDENTITY_COLUMNS: ParquetColumn[] = [
  { name: "client_id", type: "text" },
  { name: "user_id", type: "text" },
  { name: "merged_at", type: "timestamp" },
  { name: "event_id", type: "text" },
];

/** Event ids are lowercase uuids: byte order, as the SQL compares them (COLLATE "C"). */
const isEarlier = (a: WarehouseRow, b: WarehouseRow) =>
  (a[COL.ts] as number) < (b[COL.ts] as number) ||
  ((a[COL.ts] as number) === (b[COL.ts] as number) && String(a[COL.id]) < String(b[COL.id]));

/**
 * Merges the signed-in rows the warehouse just took into the map: per client its earliest
 * signed-in event, replacing a stored one only when earlier. A change bumps the map's version.
 */
export async function mergeIdentities(tx: Queryable, rows: readonly WarehouseRow[]): Promise<number> {
  const first = new Map<string, WarehouseRow>();
  for (const r of rows) {
    if (r[COL.user] === null || r[COL.user] === undefined) continue;
    const c = String(r[COL.client]);
    const had = first.get(c);
    if (!had || isEarlier(r, had)) first.set(c, r);
  }
  if (first.size === 0) return 0;
  const list = [...first.values()].sort((a, b) => (String(a[COL.client]) < String(b[COL.client]) ? -1 : 1));
  const [changed] = await tx.query<{ n: number }>(
    `WITH up AS (
       INSERT INTO clickstream_identities AS i (client_id, user_id, merged_at, event_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])
       ON CONFLICT (client_id) DO UPDATE SET user_id = EXCLUDED.user_id, merged_at = EXCLUDED.merged_at, event_id = EXCLUDED.event_id
       WHERE (EXCLUDED.merged_at, EXCLUDED.event_id COLLATE "C") < (i.merged_at, i.event_id COLLATE "C")
       RETURNING 1),
     bump AS (UPDATE clickstream_identity_state SET version = version + 1 WHERE EXISTS (SELECT 1 FROM up) RETURNING 1)
     SELECT (SELECT count(*) FROM up)::int AS n`,
    [
      list.map((r) => String(r[COL.client])),
      list.map((r) => String(r[COL.user])),
      list.map((r) => new Date(r[COL.ts] as number).toISOString()),
      list.map((r) => String(r[COL.id]).toLowerCase()),
    ],
  );
  return changed?.n ?? 0;
}

/**
 * Writes the map for the columnar copy when it changed since last written: to staging under a
 * temporary name, then moved over `identities/identities.parquet` (a rename), then recorded as
 * written at the version read first (a change meanwhile leaves it stale for the next run).
 */
export async function writeIdentitySnapshot(db: Queryable, copy: ColumnarCopy): Promise<boolean> {
  const [state] = await db.query<{ version: string; written: string }>(
    "SELECT version::text AS version, written_version::text AS written FROM clickstream_identity_state",
  );
  if (!state || state.version === state.written) return false;
  const rows = await db.query<{ client_id: string; user_id: string; ms: number; event_id: string }>(
    `SELECT client_id, user_id, (extract(epoch FROM merged_at) * 1000)::float8 AS ms, event_id
     FROM clickstream_identities ORDER BY client_id`,
  );
  const local = path.join(copy.stagingDir, "identities", `identities-${process.pid}-${Date.now()}.parquet`);
  fs.mkdirSync(path.dirname(local), { recursive: true });
  await copy.writer.writeFile(
    IDENTITY_COLUMNS,
    rows.map((r) => [r.client_id, r.user_id, Number(r.ms), r.event_id]),
    local,
  );
  await copy.store.putFile(IDENTITIES_KEY, local);
  fs.rmSync(path.dirname(local), { recursive: true, force: true });
  await db.query("UPDATE clickstream_identity_state SET written_version = $1::bigint", [state.version]);
  return true;
}
