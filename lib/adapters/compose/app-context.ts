import { SessionKeyring } from "@/lib/auth/session-keys";
import type { Env } from "@/lib/env";
import { lakePaths } from "@/lib/lake/local-sources";
import { CognitoIdentity } from "../aws/cognito-identity";
import type { AppContext } from "../index";
import { LocalIdentity } from "../local/local-identity";
import { athenaLakeQuery } from "./athena";
import { openDatabase } from "./database";
import { clickstreamRawStore, s3Client } from "./stores";
import { incidentDeps, localWorkflowEngine, stepFunctions, workflowBindings } from "./workflows";

const isAws = (env: Pick<Env, "SIGHTLINE_BACKEND">) => env.SIGHTLINE_BACKEND === "aws";

/** Every port the app server uses, for the configured backend. */
export async function composeContext(env: Env): Promise<AppContext> {
  const db = await openDatabase(env);
  if (isAws(env)) {
    const lake = athenaLakeQuery(env);
    return {
      env,
      db,
      identity: new CognitoIdentity({
        userPoolId: env.COGNITO_USER_POOL_ID ?? "",
        clientId: env.COGNITO_CLIENT_ID ?? "",
      }),
      lake,
      workflows: stepFunctions(env),
      clickstreamRaw: clickstreamRawStore(env, s3Client(env)),
      incidents: incidentDeps(env, db, lake),
    };
  }
  const sessionKeys = SessionKeyring.forDataDir(env.dataDir).load();
  // Loaded only here: the AWS build leaves DuckDB out of the server bundle (next.config.js).
  const { localEventLake, openLocalColumnarCopy, openLocalLakeQuery } = await import("./lake-engines");
  const lake = await openLocalLakeQuery(lakePaths(env.dataDir).root);
  const columnar = await openLocalColumnarCopy(env);
  const incidents = incidentDeps(env, db, lake);
  return {
    env,
    db,
    identity: new LocalIdentity(db, sessionKeys, env.SIGHTLINE_SESSION_TTL),
    lake,
    workflows: localWorkflowEngine(db, workflowBindings(db, incidents)),
    incidents,
    clickstreamRaw: clickstreamRawStore(env),
    clickstreamCopy: columnar.copy,
    eventLake: localEventLake(lake, env),
    sessionKeys,
    runDetections: async () => {
      const { runLocalDetections } = await import("./detections");
      return runLocalDetections(env, db, lake);
    },
  };
}
