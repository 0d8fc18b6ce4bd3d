import "@/lib/polyfills";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type {
  ExecutionDescription,
  ExecutionEvent,
  Json,
  WorkflowEngine,
  WorkflowName,
} from "@/lib/ports/workflow-engine";
import {
  type Definition,
  localDefinition,
  reenterAt,
  unboundTasks,
  withValueAt,
} from "./workflow-engine/asl-definition";
import {
  insertExecution,
  latestTask,
  readExecution,
  readHistory,
  runningExecutions,
} from "./workflow-engine/execution-store";
import { bindTaskHandlers, runExecution, type TaskHandler } from "./workflow-engine/run-execution";
import { namedError, type Waiter, type Waiters, waitForDecision } from "./workflow-engine/task-waiters";

/** Handlers per workflow the engine runs (a workflow without bindings cannot be started here). */
export type Bindings = Partial<Record<WorkflowName, Record<string, TaskHandler>>>;

/**
 * Step Functions in-process: `aws-local-stepfunctions` runs the repo's ASL, every Task state bound to
 * the same handler code the Lambdas run. Durable state is the database: executions, their events
 * and review tasks. A callback (`.waitForTaskToken`) state registers its task and waits; the
 * decision is written to the task row first and the waiter only notified, so after a restart the
 * engine re-enters each running execution at its callback state (same token, the remaining
 * timeout) and the task row answers at once if it was decided meanwhile.
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly waiters: Waiters = new Map();
  private readonly inflight = new Set<Promise<void>>();
  private readonly definitions = new Map<WorkflowName, Definition>();
  /** Each callback state's `TimeoutSecondsPath` as written in the ASL (the state input's field). */
  private readonly timeoutPaths = new Map<WorkflowName, Record<string, string>>();
  private readonly controllers = new Set<() => void>();

  constructor(
    private readonly db: Database,
    private readonly bindings: Bindings,
    /** How often a waiting callback task re-reads its row (decisions from other processes). */
    private readonly pollMs = 1000,
  ) {
    for (const wf of Object.keys(bindings) as WorkflowName[]) {
      const { definition, timeoutPaths } = localDefinition(wf);
      this.timeoutPaths.set(wf, timeoutPaths);
      const unbound = unboundTasks(definition, bindings[wf] ?? {});
      if (unbound.length)
        throw new Error(`${wf}: no handler bound for Task state(s) ${unbound.map((t) => t.name).join(", ")}`);
      this.definitions.set(wf, definition);
    }
  }

  async start(workflow: WorkflowName, name: string, input: Json) {
    if (!this.definitions.has(workflow))
      throw new AppError("unavailable", `The ${workflow} workflow is not bound here`);
    const executionId = `arn:aws:states:us-east-1:000000000000:execution:${workflow}:${name}`;
    if (!(await insertExecution(this.db, executionId, workflow, input))) return { executionId, alreadyStarted: true };
    this.launch(workflow, executionId, input, null);
    return { executionId, alreadyStarted: false };
  }

  /** Re-enters every RUNNING execution (after a restart). */
  async resumeAll(): Promise<number> {
    const running = await runningExecutions(this.db);
    for (const ex of running) {
      if (!this.definitions.has(ex.workflow)) continue;
      const task = await latestTask(this.db, ex.id);
      if (task) {
        // Back into the waiting state with what it had as input, and only the time left of its timeout.
        const remaining = Math.max(1, Math.ceil((new Date(task.due_at).getTime() - Date.now()) / 1000));
        const input = withValueAt(task.state_input, this.timeoutPaths.get(ex.workflow)?.[task.state], remaining);
        this.launch(ex.workflow, ex.id, input, { state: task.state, token: task.token });
      } else {
        // Nothing durable happened past the start (handlers are idempotent): run it again from the top.
        this.launch(ex.workflow, ex.id, ex.input, null);
      }
    }
    return running.length;
  }

  private launch(
    workflow: WorkflowName,
    executionId: string,
    input: Json,
    resume: { state: string; token: string } | null,
  ) {
    const base = this.definitions.get(workflow) as Definition;
    const definition = resume ? reenterAt(base, resume.state) : base;
    const token = resume?.token ?? randomBytes(32).toString("base64url");
    const handlers = bindTaskHandlers(definition, this.bindings[workflow] ?? {}, () =>
      waitForDecision(this.db, this.waiters, token, this.pollMs),
    );
    const run = runExecution(this.db, definition, handlers, { executionId, input, token });
    this.controllers.add(run.abort);
    const done = run.finished.finally(() => {
      this.controllers.delete(run.abort);
      this.inflight.delete(done);
      // A callback state that timed out (or an execution that failed around it) leaves nobody to
      // answer: the token is gone, and its poll stops.
      this.waiters.get(token)?.cancel();
      this.waiters.delete(token);
    });
    this.inflight.add(done);
  }

  async sendTaskSuccess(token: string, output: Json): Promise<void> {
    this.notify(token, (w) => w.resolve(output));
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    this.notify(token, (w) => w.reject(namedError(error, cause)));
  }

  private notify(token: string, fn: (w: Waiter) => void) {
    const w = this.waiters.get(token);
    if (!w) throw new AppError("gone", "No execution is waiting on this task (it was decided, expired or closed)");
    this.waiters.delete(token);
    fn(w);
  }

  async describe(executionId: string): Promise<ExecutionDescription> {
    const execution = await readExecution(this.db, executionId);
    if (!execution) throw new AppError("not_found", "No such execution");
    return execution;
  }

  history(executionId: string): Promise<ExecutionEvent[]> {
    return readHistory(this.db, executionId);
  }

  /** Resolves when every execution started so far has stopped (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /** Stops running executions without finishing them (they stay RUNNING and resume on the next start). */
  async stop(): Promise<void> {
    for (const abort of [...this.controllers]) abort();
    for (const w of this.waiters.values()) w.reject(namedError("ExecutionAbortedError", "engine stopped"));
    this.waiters.clear();
    await Promise.allSettled([...this.inflight]);
  }
}
