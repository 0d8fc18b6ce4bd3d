/**
 * Lambda invoked once per deploy (infra/database.ts): applies the SQL migrations, then the
 * least-privilege roles and grants for the app and the ETL functions.
 */
import { openDatabase } from "@/lib/db/connect";
import { applyGrants } from "@/lib/db/grants";
import { migrate } from "@/lib/db/migrate";
import { loadEnv } from "@/lib/env";

export async function handler(): Promise<{ applied: string[]; version: number; etlTables: number }> {
  const env = loadEnv();
  const app = process.env.SIGHTLINE_APP_DB_PASSWORD;
  const etl = process.env.SIGHTLINE_ETL_DB_PASSWORD;
  if (!app || !etl) throw new Error("SIGHTLINE_APP_DB_PASSWORD and SIGHTLINE_ETL_DB_PASSWORD are required");
  const db = await openDatabase(env);
  try {
    const m = await migrate(db);
    const g = await applyGrants(db, { app, etl });
    return { ...m, etlTables: g.etl.length };
  } finally {
    await db.close();
  }
}
