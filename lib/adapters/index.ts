import "server-only";
import { SessionKeyring } from "@/lib/auth/session-keys";
import { openDatabase } from "@/lib/db/connect";
import { type Env, env as loadProcessEnv } from "@/lib/env";
import { lakePaths } from "@/lib/lake/local-sources";
import type { Database } from "@/lib/ports/database";
import type { IdentityProvider } from "@/lib/ports/identity";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { AthenaLakeQuery } from "./aws/athena-lake-query";
import { CognitoIdentity } from "./aws/cognito-identity";
import { DuckDbLakeQuery } from "./duckdb/duckdb-lake-query";
import { LocalIdentity } from "./local/local-identity";

/** Everything domain code reaches the outside world through, chosen once per process. */
export interface AppContext {
  env: Env;
  db: Database;
  identity: IdentityProvider;
  /** Read-only SQL over the lake: DuckDB over local Parquet, or Athena. */
  lake: LakeQueryEngine;
  /** Local backend only: the keys that sign session cookies. */
  sessionKeys?: SessionKeyring;
}

export async function createContext(env: Env): Promise<AppContext> {
  const db = await openDatabase(env);
  if (env.SIGHTLINE_BACKEND === "aws") {
    const identity = new CognitoIdentity({
      userPoolId: env.COGNITO_USER_POOL_ID ?? "",
      clientId: env.COGNITO_CLIENT_ID ?? "",
    });
    const lake = new AthenaLakeQuery({
      database: env.SIGHTLINE_GLUE_DATABASE,
      workGroup: env.SIGHTLINE_ATHENA_WORKGROUP,
      region: env.AWS_REGION,
    });
    return { env, db, identity, lake };
  }
  const sessionKeys = SessionKeyring.forDataDir(env.dataDir).load();
  const lake = await DuckDbLakeQuery.open(lakePaths(env.dataDir).root);
  return { env, db, identity: new LocalIdentity(db, sessionKeys, env.SIGHTLINE_SESSION_TTL), lake, sessionKeys };
}

// Survives Next's module re-evaluation in dev so one process keeps one pool.
const holder = globalThis as unknown as { __sightlineCtx?: Promise<AppContext> };

export function getContext(): Promise<AppContext> {
  holder.__sightlineCtx ??= createContext(loadProcessEnv()).catch((err) => {
    holder.__sightlineCtx = undefined;
    throw err;
  });
  return holder.__sightlineCtx;
}

/** Closes the process-wide context (tests, CLI shutdown). */
export async function closeContext(): Promise<void> {
  const ctx = holder.__sightlineCtx;
  holder.__sightlineCtx = undefined;
  if (ctx) {
    const c = await ctx;
    await c.lake.close();
    await c.db.close();
  }
}
