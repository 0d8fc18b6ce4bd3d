import type { Queryable } from "@/lib/ports/database";

/** Tables the ETL functions write: the lake's records, raised finding events and the clickstream warehouse. */
export const ETL_TABLE = /^(clickstream_|lake_|finding_events$)/;

/** The two login roles the deployed functions use instead of the owner. */
export const DB_ROLES = { app: "sightline_app", etl: "sightline_etl" } as const;

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Least privilege in the database (run by the migration function after migrating):
 * - `sightline_etl` reads and writes only the ETL tables;
 * - `sightline_app` reads and writes every table, but the audit log only gains rows (its trigger
 *   refuses UPDATE/DELETE anyway) and neither role may change the schema.
 * Idempotent: roles are created when missing and their passwords reset to the given ones.
 */
export async function applyGrants(
  db: Queryable,
  passwords: { app: string; etl: string },
  schema = "public",
): Promise<{ app: string[]; etl: string[] }> {
  const tables = (
    await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", [
      schema,
    ])
  ).map((t) => t.tablename);
  for (const [key, role] of Object.entries(DB_ROLES) as [keyof typeof DB_ROLES, string][]) {
    const [exists] = await db.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    await db.query(
      `${exists ? "ALTER" : "CREATE"} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal(passwords[key])}`,
    );
    await db.query(`GRANT USAGE ON SCHEMA ${ident(schema)} TO ${ident(role)}`);
    await db.query(`REVOKE CREATE ON SCHEMA ${ident(schema)} FROM ${ident(role)}`);
  }
  const etl = tables.filter((t) => ETL_TABLE.test(t));
  for (const t of tables) {
    const q = `${ident(schema)}.${ident(t)}`;
    await db.query(`REVOKE ALL ON ${q} FROM ${ident(DB_ROLES.app)}, ${ident(DB_ROLES.etl)}`);
    await db.query(
      `GRANT ${t === "audit_log" ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE"} ON ${q} TO ${ident(DB_ROLES.app)}`,
    );
    if (etl.includes(t)) await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${q} TO ${ident(DB_ROLES.etl)}`);
  }
  await db.query(
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(schema)} TO ${ident(DB_ROLES.app)}, ${ident(DB_ROLES.etl)}`,
  );
  return { app: tables, etl };
}
