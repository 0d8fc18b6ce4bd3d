import path from "node:path";
import { fileURLToPath } from "node:url";
import Postgrator from "postgrator";
import type { PgDatabase } from "./pg-database";

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
// Arbitrary constant shared by every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_362_104_117;

/**
 * Applies pending migrations in order (postgrator). Applied migrations are checksummed:
 * an edited migration file is refused instead of silently diverging. An advisory lock
 * keeps two processes from migrating at once.
 */
export async function migrate(db: PgDatabase, dir = MIGRATIONS_DIR): Promise<{ applied: string[]; version: number }> {
  return db.withConnection(async (conn) => {
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      // Postgrator looks for its table by name in every schema unless told which one is ours (two
      // databases-in-schemas on one server would otherwise see each other's migration table).
      const { rows } = await conn.query<{ s: string }>("SELECT current_schema() AS s");
      const postgrator = new Postgrator({
        currentSchema: rows[0]?.s ?? "public",
        migrationPattern: path.join(dir, "*.sql"),
        driver: "pg",
        schemaTable: "schema_migrations",
        validateChecksums: true,
        execQuery: (sql) => conn.query(sql),
      });
      const applied = await postgrator.migrate();
      const version = await postgrator.getDatabaseVersion();
      return { applied: applied.map((m) => path.basename(m.filename)), version };
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}
