import fs from "node:fs";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Env } from "@/lib/env";
import { type SeededUser, seedUsers } from "@/lib/users/seed-users";

/** A first-start hook seeds demo data once (recorded in app_meta, so it never runs twice). */
export interface FirstStartHook {
  name: string;
  run(args: { env: Env; db: PgDatabase; log: (msg: string) => void }): Promise<void>;
}

/** Migrate, seed users on first start, run first-start hooks. Idempotent. */
export async function prepare(
  env: Env,
  db: PgDatabase,
  log: (msg: string) => void = console.log,
  hooks: readonly FirstStartHook[] = [],
): Promise<{ seeded: SeededUser[]; migrations: string[] }> {
  fs.mkdirSync(env.dataDir, { recursive: true });
  const { applied } = await migrate(db);
  if (applied.length) log(`migrations applied: ${applied.join(", ")}`);
  const seeded = env.SIGHTLINE_BACKEND === "local" ? await seedUsers(db, env.SIGHTLINE_INITIAL_PASSWORD) : [];
  for (const hook of hooks) {
    const done = await db.query("SELECT 1 FROM app_meta WHERE key = $1", [`first-start:${hook.name}`]);
    if (done.length) continue;
    await hook.run({ env, db, log });
    await db.query("INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [
      `first-start:${hook.name}`,
      JSON.stringify({ at: new Date().toISOString() }),
    ]);
  }
  return { seeded, migrations: applied };
}
