import type { Env } from "@/lib/env";
import { findOwner, startEmbeddedOwner } from "./embedded";
import { PgDatabase } from "./pg-database";

/**
 * Opens the relational database for this process:
 * - `DATABASE_URL` set → that Postgres;
 * - else the embedded PGlite of the data dir, through its owner process if one runs,
 *   otherwise this process becomes the owner (and stops it on close).
 */
export async function openDatabase(env: Pick<Env, "DATABASE_URL" | "dataDir">): Promise<PgDatabase> {
  if (env.DATABASE_URL) return new PgDatabase({ url: env.DATABASE_URL, kind: "postgres" });
  const existing = await findOwner(env.dataDir);
  if (existing) return new PgDatabase({ url: existing, kind: "pglite", max: 8 });
  const owner = await startEmbeddedOwner(env.dataDir);
  return new PgDatabase({ url: owner.url, kind: "pglite", max: 8, onClose: owner.stop });
}
