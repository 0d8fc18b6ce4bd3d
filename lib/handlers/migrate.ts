/**
 * Lambda invoked once per deploy (infra/database.ts): applies the SQL migrations, then the
 * least-privilege roles and grants for the app and the ETL functions.
 */
import path from "node:path";
import { openDatabase } from "@/lib/adapters/compose/database";
import { applyGrants } from "@/lib/db/grants";
import { migrate } from "@/lib/db/migrate";

/** Where the migration files sit relative to the function's root (and the repo's). */
export const MIGRATIONS_PATH = "lib/db/migrations";

import { loadEnv } from "@/lib/env";

export async function handler(): Promise<{ applied: string[]; version: number; etlTables: number }> {
  const env = loadEnv();
  const app = process.env.SIGHTLINE_APP_DB_PASSWORD;
  const etl = process.env.SIGHTLINE_ETL_DB_PASSWORD;
  if (!app || !etl) throw new Error("SIGHTLINE_APP_DB_PASSWORD and SIGHTLINE_ETL_DB_PASSWORD are required");
  const db = await openDatabase(env);
  try {
    // The bundle does not carry the SQL files: infra copies them next to it (FunctionSpec.copyFiles).
    const m = await migrate(db, path.join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), MIGRATIONS_PATH));
    const g = await applyGrants(db, { app, etl });
    return { ...m, etlTables: g.etl.length };
  } finally {
    await db.close();
  }
}
