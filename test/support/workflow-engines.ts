import { SFNClient } from "@aws-sdk/client-sfn";
import { SfnWorkflowEngine } from "@/lib/adapters/aws/sfn-workflow-engine";
import { type Bindings, LocalWorkflowEngine } from "@/lib/adapters/local/local-workflow-engine";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Database } from "@/lib/ports/database";
import type { Json, WorkflowEngine } from "@/lib/ports/workflow-engine";
import { DB_TARGETS, type DbTarget } from "./databases";
import { fakeStepFunctions } from "./fake-sfn";

export interface OpenWorkflowEngine {
  engine: WorkflowEngine;
  /**
   * The token of the callback task `executionId` waits on, once the engine takes decisions on it
   * (in the cloud, what the callback state's Lambda receives as `$$.Task.Token`).
   */
  waitingTask(executionId: string): Promise<string>;
  close(): Promise<void>;
}

export interface WorkflowTarget {
  name: string;
  /** An engine running `application-review` with a fresh execution table. */
  open(): Promise<OpenWorkflowEngine>;
}

const tick = () => new Promise((r) => setTimeout(r, 10));

/**
 * Waits until `ready()` answers, polling. The deadline guards against a hang, not a speed check:
 * on a busy 2-core machine an embedded database can take minutes.
 */
async function poll<T>(ready: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const v = ready();
    if (v !== undefined) return v;
    await tick();
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * The database the local engine sees, telling which task tokens it has looked up. The engine
 * reads a callback task's row once before it starts waiting on the token; everything after that
 * read up to the wait is synchronous, so one macrotask later decisions on the token reach it.
 */
function watchTokenLookups(db: PgDatabase, looked: Set<string>): Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "query")
        return async (sql: string, params?: readonly unknown[]) => {
          const rows = await target.query(sql, params);
          if (/FROM review_tasks WHERE token = \$1/.test(sql)) looked.add(String(params?.[0]));
          return rows;
        };
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/** Stand-ins for the application-review Lambdas: the name check flags, the review task hands out its token. */
function reviewBindings(tokens: Map<string, string>): Bindings {
  const validateName = async (): Promise<Json> => ({ rule: "name.denylist", flagged: true });
  const validateAddress = async (): Promise<Json> => ({ rule: "address.format", flagged: false });
  const registerReview = async (payload: Json): Promise<Json> => {
    const p = payload as { taskToken: string; executionId: string };
    tokens.set(p.executionId, p.taskToken);
    return { registered: true };
  };
  const record = async (): Promise<Json> => ({ ok: true });
  return {
    "application-review": {
      ValidateName: validateName,
      ValidateAddress: validateAddress,
      PendingReview: registerReview,
      RecordOutcome: record,
      RecordFailure: record,
    },
  };
}

const local = (db: DbTarget): WorkflowTarget => ({
  name: `local+${db.name}`,
  async open() {
    const database = await db.open();
    await migrate(database);
    const tokens = new Map<string, string>();
    const looked = new Set<string>();
    const engine = new LocalWorkflowEngine(watchTokenLookups(database, looked), reviewBindings(tokens), 50);
    return {
      engine,
      async waitingTask(executionId) {
        const token = await poll(() => {
          const t = tokens.get(executionId);
          return t && looked.has(t) ? t : undefined;
        }, `the callback task of ${executionId}`);
        await tick();
        return token;
      },
      async close() {
        await engine.stop();
        await database.close();
      },
    };
  },
});

/** Pulumi names the deployed machine after the workflow plus a random suffix. */
const MACHINE_ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:application-review-4f2a9c1";

const sfn: WorkflowTarget = {
  name: "sfn",
  async open() {
    const client = new SFNClient({ region: "eu-west-1" });
    const service = fakeStepFunctions(client, { [MACHINE_ARN]: "application-review" }, { historyPageSize: 2 });
    return {
      engine: new SfnWorkflowEngine({ "application-review": MACHINE_ARN }, { client }),
      waitingTask: async (executionId) => poll(() => service.tokenOf(executionId), `the task of ${executionId}`),
      async close() {
        service.restore();
        client.destroy();
      },
    };
  },
};

/** The in-process ASL engine on each database target, and Step Functions answered by an in-memory service. */
export const WORKFLOW_TARGETS: WorkflowTarget[] = [...DB_TARGETS.map(local), sfn];
