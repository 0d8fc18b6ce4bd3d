import "server-only";
import { S3Client } from "@aws-sdk/client-s3";
import { SessionKeyring } from "@/lib/auth/session-keys";
import { openDatabase } from "@/lib/db/connect";
import { type Env, env as loadProcessEnv } from "@/lib/env";
import { dispatchFindingEvents } from "@/lib/incidents/dispatch";
import {
  type IncidentDeps,
  incidentReleaseHandlers,
  incidentResponseHandlers,
} from "@/lib/incidents/workflow-handlers";
import { lakePaths } from "@/lib/lake/local-sources";
import type { Database } from "@/lib/ports/database";
import type { IdentityProvider } from "@/lib/ports/identity";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import { DEMO_DENYLIST } from "@/lib/reviews/rules";
import { applicationReviewHandlers } from "@/lib/reviews/workflow-handlers";
import { clickstreamRawDir } from "@/lib/runtime/local-clickstream";
import { repeatWithoutOverlap } from "@/lib/runtime/repeat";
import { AthenaLakeQuery } from "./aws/athena-lake-query";
import { CognitoIdentity } from "./aws/cognito-identity";
import { S3ObjectStore } from "./aws/s3-object-store";
import { SfnWorkflowEngine } from "./aws/sfn-workflow-engine";
import { incidentDepsFor } from "./incidents";
import { FsObjectStore } from "./local/fs-object-store";
import { LocalIdentity } from "./local/local-identity";
import { LocalWorkflowEngine } from "./local/local-workflow-engine";

/** Everything domain code reaches the outside world through, chosen once per process. */
export interface AppContext {
  env: Env;
  db: Database;
  identity: IdentityProvider;
  /** Read-only SQL over the lake: DuckDB over local Parquet, or Athena. */
  lake: LakeQueryEngine;
  /** Raw clickstream events (`events/YYYY/MM/DD/HH/…`): a directory locally, the clickstream bucket in AWS. */
  clickstreamRaw: ObjectStore;
  /** Step Functions, or the in-process ASL engine over the same definitions. */
  workflows: WorkflowEngine;
  /** Incident response: cloud controls (simulated locally), evidence store, notifications, settings. */
  incidents: IncidentDeps;
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
    const workflows = new SfnWorkflowEngine(
      {
        "application-review": env.SIGHTLINE_APPLICATION_REVIEW_ARN,
        "incident-response": env.SIGHTLINE_INCIDENT_RESPONSE_ARN,
        "incident-release": env.SIGHTLINE_INCIDENT_RELEASE_ARN,
      },
      { region: env.AWS_REGION },
    );
    const clickstreamRaw = new S3ObjectStore(
      new S3Client({ region: env.AWS_REGION }),
      env.SIGHTLINE_CLICKSTREAM_BUCKET ?? "",
    );
    return { env, db, identity, lake, workflows, clickstreamRaw, incidents: incidentDepsFor(env, db, lake) };
  }
  const sessionKeys = SessionKeyring.forDataDir(env.dataDir).load();
  // Loaded only here: the AWS build leaves DuckDB out of the server bundle (next.config.js).
  const { DuckDbLakeQuery } = await import("./duckdb/duckdb-lake-query");
  const lake = await DuckDbLakeQuery.open(lakePaths(env.dataDir).root);
  const incidents = incidentDepsFor(env, db, lake);
  const workflows = new LocalWorkflowEngine(db, {
    "application-review": applicationReviewHandlers({ db, denylist: DEMO_DENYLIST }),
    "incident-response": incidentResponseHandlers(incidents),
    "incident-release": incidentReleaseHandlers(incidents),
  });
  return {
    env,
    db,
    identity: new LocalIdentity(db, sessionKeys, env.SIGHTLINE_SESSION_TTL),
    lake,
    workflows,
    incidents,
    clickstreamRaw: new FsObjectStore(clickstreamRawDir(env)),
    sessionKeys,
  };
}

// Survives Next's module re-evaluation in dev so one process keeps one pool.
const holder = globalThis as unknown as { __sightlineCtx?: Promise<AppContext>; __sightlineStopDispatch?: () => void };

export function getContext(): Promise<AppContext> {
  holder.__sightlineCtx ??= createContext(loadProcessEnv())
    .then(async (ctx) => {
      // The server process owns the local engine: executions left RUNNING by a previous process resume here.
      if (ctx.workflows instanceof LocalWorkflowEngine) {
        await ctx.workflows.resumeAll();
        // The local EventBridge: findings the lake ETL raised notify and start incident response here.
        const deps = {
          db: ctx.db,
          workflows: ctx.workflows,
          notify: ctx.incidents.notify,
          threshold: ctx.env.SIGHTLINE_INCIDENT_THRESHOLD,
          startIncidents: true,
        };
        holder.__sightlineStopDispatch = repeatWithoutOverlap(
          "findings: dispatch",
          2000,
          async () => {
            const s = await dispatchFindingEvents(deps);
            if (s.processed) console.log(`findings: ${JSON.stringify(s)}`);
          },
          (m) => console.error(m),
        );
      }
      return ctx;
    })
    .catch((err) => {
      holder.__sightlineCtx = undefined;
      throw err;
    });
  return holder.__sightlineCtx;
}

/** Closes the process-wide context (tests, CLI shutdown). */
export async function closeContext(): Promise<void> {
  const ctx = holder.__sightlineCtx;
  holder.__sightlineCtx = undefined;
  holder.__sightlineStopDispatch?.();
  if (ctx) {
    const c = await ctx;
    if (c.workflows instanceof LocalWorkflowEngine) await c.workflows.stop();
    await c.lake.close();
    await c.db.close();
  }
}
