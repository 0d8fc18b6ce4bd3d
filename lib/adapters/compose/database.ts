import { findOwner, startEmbeddedOwner } from "@/lib/db/embedded";
import { PgDatabase } from "@/lib/db/pg-database";
import type { Env } from "@/lib/env";

/**
 * The relational database for this process: `DATABASE_URL`'s Postgres, else the data dir's
 * embedded PGlite — through its owner process if one runs, otherwise this process becomes the
 * owner (and stops it on close).
 */
export async function openDatabase(env: Pick<Env, "DATABASE_URL" | "dataDir">): Promise<PgDatabase> {
  if (env.DATABASE_URL) return new PgDatabase({ url: env.DATABASE_URL, kind: "postgres" });
  const existing = await findOwner(env.dataDir);
  if (existing) return new PgDatabase({ url: existing, kind: "pglite", max: 8 });
  return openEmbeddedDatabase(env.dataDir, 8);
}

/** Postgres at `url`, optionally inside one schema (benches and isolated runs). */
export const openPostgres = (opts: { url: string; schema?: string; max?: number }) =>
  new PgDatabase({ ...opts, kind: "postgres" });

/** A fresh embedded PGlite owned by this process in `dataDir` (benches). */
export async function openEmbeddedDatabase(dataDir: string, max = 4): Promise<PgDatabase> {
  const owner = await startEmbeddedOwner(dataDir);
  return new PgDatabase({ url: owner.url, kind: "pglite", max, onClose: owner.stop });
}
