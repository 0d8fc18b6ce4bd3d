import "@/lib/polyfills";
import { randomBytes } from "node:crypto";
import { StateMachine } from "aws-local-stepfunctions";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type {
  ExecutionDescription,
  ExecutionEvent,
  Json,
  WorkflowEngine,
  WorkflowName,
} from "@/lib/ports/workflow-engine";
import { localArns, renderAsl, taskStates } from "@/lib/workflows/definitions";

type Handler = (payload: Json) => Promise<Json>;
type EventLog = ReturnType<StateMachine["run"]>["eventLogs"] extends AsyncGenerator<infer E> ? E : never;
/** Handlers per workflow the engine runs (a workflow without bindings cannot be started here). */
export type Bindings = Partial<Record<WorkflowName, Record<string, Handler>>>;
type Definition = { StartAt: string; States: Record<string, { Type: string; Resource?: string }> };

interface Waiter {
  resolve: (v: Json) => void;
  reject: (e: Error) => void;
}

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

/** The definition started at `state`, keeping only the states reachable from there (a valid machine). */
function reenterAt(def: Definition, state: string): Definition {
  const keep = new Set<string>();
  const todo = [state];
  while (todo.length) {
    const name = todo.pop() as string;
    if (keep.has(name)) continue;
    keep.add(name);
    const s = def.States[name] as {
      Next?: string;
      Default?: string;
      Choices?: { Next: string }[];
      Catch?: { Next: string }[];
    };
    for (const n of [s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next), ...(s.Catch ?? []).map((c) => c.Next)])
      if (n) todo.push(n);
  }
  return {
    ...def,
    StartAt: state,
    States: Object.fromEntries(Object.entries(def.States).filter(([n]) => keep.has(n))),
  };
}

/** A copy of `input` with the value at a simple `$.a.b` path replaced (no path: unchanged). */
function withValueAt(input: Record<string, Json>, path: string | undefined, value: Json): Record<string, Json> {
  if (!path) return input;
  const keys = path
    .replace(/^\$\.?/, "")
    .split(".")
    .filter(Boolean);
  const copy = structuredClone(input);
  let at = copy as Record<string, Json>;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== "object") at[k] = {};
    at = at[k] as Record<string, Json>;
  }
  at[keys[keys.length - 1] as string] = value;
  return copy;
}

/**
 * aws-local-stepfunctions evaluates a Task's `TimeoutSecondsPath` against the state's effective
 * input (after `Parameters`), Step Functions against the raw state input. So that the same ASL
 * means the same here, the path is pointed at the `Parameters` field that copies that value.
 */
function localTimeoutPaths(def: Definition): Definition {
  const copy = structuredClone(def) as Definition;
  const find = (obj: unknown, target: string, at: string[]): string[] | null => {
    if (!obj || typeof obj !== "object") return null;
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (k.endsWith(".$") && v === target) return [...at, k.slice(0, -2)];
      const hit = find(v, target, [...at, k]);
      if (hit) return hit;
    }
    return null;
  };
  for (const [name, st] of Object.entries(copy.States)) {
    const s = st as { TimeoutSecondsPath?: string; Parameters?: unknown };
    if (!s.TimeoutSecondsPath) continue;
    const at = find(s.Parameters, s.TimeoutSecondsPath, []);
    if (!at) throw new Error(`${name}: TimeoutSecondsPath must also be passed in Parameters for the local engine`);
    s.TimeoutSecondsPath = `$.${at.join(".")}`;
  }
  return copy;
}

/**
 * Step Functions in-process: `aws-local-stepfunctions` runs the repo's ASL, every Task state bound to
 * the same handler code the Lambdas run. Durable state is the database: executions, their events
 * and review tasks. A callback (`.waitForTaskToken`) state registers its task and waits; the
 * decision is written to the task row first and the waiter only notified, so after a restart the
 * engine re-enters each running execution at its callback state (same token, the remaining
 * timeout) and the task row answers at once if it was decided meanwhile.
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly waiters = new Map<string, Waiter>();
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
      const asl = renderAsl(wf, localArns(wf)) as unknown as Definition;
      this.timeoutPaths.set(
        wf,
        Object.fromEntries(
          Object.entries(asl.States).flatMap(([name, st]) => {
            const p = (st as { TimeoutSecondsPath?: string }).TimeoutSecondsPath;
            return p ? [[name, p]] : [];
          }),
        ),
      );
      const def = localTimeoutPaths(asl);
      const unbound = taskStates(def).filter((t) => !bindings[wf]?.[t.name]);
      if (unbound.length)
        throw new Error(`${wf}: no handler bound for Task state(s) ${unbound.map((t) => t.name).join(", ")}`);
      this.definitions.set(wf, def);
    }
  }

  async start(workflow: WorkflowName, name: string, input: Json) {
    if (!this.definitions.has(workflow))
      throw new AppError("unavailable", `The ${workflow} workflow is not bound here`);
    const executionId = `arn:aws:states:us-east-1:000000000000:execution:${workflow}:${name}`;
    const inserted = await this.db.query(
      "INSERT INTO workflow_executions (id, workflow, input) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id",
      [executionId, workflow, JSON.stringify(input)],
    );
    if (inserted.length === 0) return { executionId, alreadyStarted: true };
    this.launch(workflow, executionId, input, null);
    return { executionId, alreadyStarted: false };
  }

  /** Re-enters every RUNNING execution (after a restart). */
  async resumeAll(): Promise<number> {
    const [ready] = await this.db.query<{ t: string | null }>("SELECT to_regclass('workflow_executions')::text AS t");
    if (!ready?.t) return 0; // not migrated yet: nothing can be running
    const running = await this.db.query<{ id: string; workflow: WorkflowName; input: Json }>(
      "SELECT id, workflow, input FROM workflow_executions WHERE status = 'RUNNING' ORDER BY started_at",
    );
    for (const ex of running) {
      if (!this.definitions.has(ex.workflow)) continue;
      const [task] = await this.db.query<{
        token: string;
        state: string;
        state_input: Record<string, Json>;
        due_at: Date;
      }>(
        "SELECT token, state, state_input, due_at FROM review_tasks WHERE execution_id = $1 ORDER BY created_at DESC LIMIT 1",
        [ex.id],
      );
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
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const t of taskStates(definition)) {
      const fn = this.bindings[workflow]?.[t.name] as Handler;
      if (t.resource.endsWith(".waitForTaskToken")) {
        handlers[t.name] = async (eff) => {
          await fn((eff as { Payload: Json }).Payload);
          return this.waitFor(token);
        };
      } else if (t.resource.startsWith("arn:aws:states:::lambda:invoke")) {
        // The shape Lambda's invoke integration returns, so ResultSelector `$.Payload` means the same here.
        handlers[t.name] = async (eff) => ({ Payload: await fn((eff as { Payload: Json }).Payload), StatusCode: 200 });
      } else {
        handlers[t.name] = (eff) => fn(eff as Json);
      }
    }
    const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
    const run = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      context: {
        Execution: {
          Id: executionId,
          Name: executionId.split(":").pop() ?? "",
          Input: input,
          StartTime: new Date().toISOString(),
        },
        Task: { Token: token },
      } as never,
    });
    this.controllers.add(run.abort);
    const events = this.record(executionId, run.eventLogs);
    const done = run.result
      .then(async (output) => {
        await events;
        await this.finish(executionId, "SUCCEEDED", output as Json, null, null);
      })
      .catch(async (err: Error & { cause?: unknown }) => {
        await events.catch(() => undefined);
        if (err.name === "ExecutionAbortedError") return; // stopping the process: the execution stays RUNNING
        const inner = (err as { cause?: Error }).cause;
        await this.finish(executionId, "FAILED", null, inner?.name ?? err.name, inner?.message ?? err.message);
      })
      .finally(() => {
        this.controllers.delete(run.abort);
        this.inflight.delete(done);
      });
    this.inflight.add(done);
  }

  private async record(executionId: string, logs: AsyncGenerator<EventLog>) {
    for await (const e of logs) {
      const state = "state" in e ? (e.state as { name: string }).name : null;
      const detail: Record<string, unknown> = {};
      if ("state" in e) {
        const s = e.state as { input?: unknown; output?: unknown };
        if (e.type === "StateEntered") detail.input = s.input;
        if (e.type === "StateExited") detail.output = s.output;
      }
      if ("Error" in e) Object.assign(detail, { error: e.Error, cause: e.Cause });
      await this.db.query(
        "INSERT INTO workflow_events (execution_id, at, type, state, detail) VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5)",
        [executionId, e.timestamp, e.type, state, JSON.stringify(detail)],
      );
    }
  }

  private async finish(id: string, status: string, output: Json | null, error: string | null, cause: string | null) {
    await this.db.query(
      "UPDATE workflow_executions SET status = $2, output = $3, error = $4, cause = $5, stopped_at = now() WHERE id = $1 AND status = 'RUNNING'",
      [id, status, output === null ? null : JSON.stringify(output), error, cause],
    );
  }

  /**
   * Waits for the decision on a callback task. The task row is the truth: it answers at once when
   * already decided, and is polled while waiting, so a decision written by another process (a CLI,
   * a second server) resumes this execution too; an in-process decision wakes it without the wait.
   */
  private async waitFor(token: string): Promise<Json> {
    const check = async (): Promise<{ done: true; value: Json } | { done: false }> => {
      const [task] = await this.db.query<{
        status: string;
        decided_by: string | null;
        comment: string | null;
        id: string;
      }>("SELECT id, status, decided_by, comment FROM review_tasks WHERE token = $1", [token]);
      if (task?.status === "approved")
        return { done: true, value: { taskId: task.id, decidedBy: task.decided_by, comment: task.comment } };
      if (task?.status === "rejected") throw named("Rejected", task.comment ?? "rejected");
      if (task?.status === "expired") throw named("States.Timeout", "the review SLA passed");
      return { done: false };
    };
    const first = await check();
    if (first.done) return first.value;
    return new Promise<Json>((resolve, reject) => {
      const timer = setInterval(() => {
        check()
          .then((r) => {
            if (!r.done || !this.waiters.has(token)) return;
            this.waiters.delete(token);
            clearInterval(timer);
            resolve(r.value);
          })
          .catch((err: Error) => {
            if (!this.waiters.has(token) || err.message.includes("Connection terminated")) return;
            this.waiters.delete(token);
            clearInterval(timer);
            reject(err);
          });
      }, this.pollMs);
      timer.unref?.();
      this.waiters.set(token, {
        resolve: (v) => {
          clearInterval(timer);
          resolve(v);
        },
        reject: (e) => {
          clearInterval(timer);
          reject(e);
        },
      });
    });
  }

  async sendTaskSuccess(token: string, output: Json): Promise<void> {
    this.notify(token, (w) => w.resolve(output));
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    this.notify(token, (w) => w.reject(named(error, cause)));
  }

  private notify(token: string, fn: (w: Waiter) => void) {
    const w = this.waiters.get(token);
    if (!w) throw new AppError("gone", "No execution is waiting on this task (it was decided, expired or closed)");
    this.waiters.delete(token);
    fn(w);
  }

  async describe(executionId: string): Promise<ExecutionDescription> {
    const [r] = await this.db.query<{
      id: string;
      workflow: string;
      status: ExecutionDescription["status"];
      input: Json;
      output: Json | null;
      error: string | null;
      cause: string | null;
      started_at: Date;
      stopped_at: Date | null;
    }>("SELECT * FROM workflow_executions WHERE id = $1", [executionId]);
    if (!r) throw new AppError("not_found", "No such execution");
    return {
      executionId: r.id,
      workflow: r.workflow,
      status: r.status,
      input: r.input,
      output: r.output,
      error: r.error,
      cause: r.cause,
      startedAt: new Date(r.started_at).toISOString(),
      stoppedAt: r.stopped_at ? new Date(r.stopped_at).toISOString() : null,
    };
  }

  async history(executionId: string): Promise<ExecutionEvent[]> {
    const rows = await this.db.query<{ at: Date; type: string; state: string | null; detail: Record<string, unknown> }>(
      "SELECT at, type, state, detail FROM workflow_events WHERE execution_id = $1 ORDER BY id",
      [executionId],
    );
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), type: r.type, state: r.state, detail: r.detail }));
  }

  /** Resolves when every execution started so far has stopped (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /** Stops running executions without finishing them (they stay RUNNING and resume on the next start). */
  async stop(): Promise<void> {
    for (const abort of [...this.controllers]) abort();
    for (const w of this.waiters.values()) w.reject(named("ExecutionAbortedError", "engine stopped"));
    this.waiters.clear();
    await Promise.allSettled([...this.inflight]);
  }
}
