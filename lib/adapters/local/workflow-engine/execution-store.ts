/** Durable engine state in the database: executions, their events and the review tasks they wait on. */
import type { StateMachine } from "aws-local-stepfunctions";
import type { Database } from "@/lib/ports/database";
import type { ExecutionDescription, ExecutionEvent, Json, WorkflowName } from "@/lib/ports/workflow-engine";

type EventLog = ReturnType<StateMachine["run"]>["eventLogs"] extends AsyncGenerator<infer E> ? E : never;

/** Records the execution; false when one of that id exists already (start is idempotent by name). */
export async function insertExecution(db: Database, id: string, workflow: WorkflowName, input: Json) {
  const inserted = await db.query(
    "INSERT INTO workflow_executions (id, workflow, input) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id",
    [id, workflow, JSON.stringify(input)],
  );
  return inserted.length > 0;
}

/** RUNNING executions, oldest first (none before the schema is migrated). */
export async function runningExecutions(db: Database) {
  const [ready] = await db.query<{ t: string | null }>("SELECT to_regclass('workflow_executions')::text AS t");
  if (!ready?.t) return [];
  return db.query<{ id: string; workflow: WorkflowName; input: Json }>(
    "SELECT id, workflow, input FROM workflow_executions WHERE status = 'RUNNING' ORDER BY started_at",
  );
}

/** The callback task the execution registered last, if any. */
export async function latestTask(db: Database, executionId: string) {
  const [task] = await db.query<{ token: string; state: string; state_input: Record<string, Json>; due_at: Date }>(
    "SELECT token, state, state_input, due_at FROM review_tasks WHERE execution_id = $1 ORDER BY created_at DESC LIMIT 1",
    [executionId],
  );
  return task;
}

export async function findTaskByToken(db: Database, token: string) {
  const [task] = await db.query<{ status: string; decided_by: string | null; comment: string | null; id: string }>(
    "SELECT id, status, decided_by, comment FROM review_tasks WHERE token = $1",
    [token],
  );
  return task;
}

/** Stores the interpreter's events as they come (state entered/exited with input/output, errors). */
export async function recordEvents(db: Database, executionId: string, logs: AsyncGenerator<EventLog>) {
  for await (const e of logs) {
    const state = "state" in e ? (e.state as { name: string }).name : null;
    const detail: Record<string, unknown> = {};
    if ("state" in e) {
      const s = e.state as { input?: unknown; output?: unknown };
      if (e.type === "StateEntered") detail.input = s.input;
      if (e.type === "StateExited") detail.output = s.output;
    }
    if ("Error" in e) Object.assign(detail, { error: e.Error, cause: e.Cause });
    await db.query(
      "INSERT INTO workflow_events (execution_id, at, type, state, detail) VALUES ($1, to_timestamp($2 / 1000.0), $3, $4, $5)",
      [executionId, e.timestamp, e.type, state, JSON.stringify(detail)],
    );
  }
}

export async function finishExecution(
  db: Database,
  id: string,
  status: string,
  output: Json | null,
  error: string | null,
  cause: string | null,
) {
  await db.query(
    "UPDATE workflow_executions SET status = $2, output = $3, error = $4, cause = $5, stopped_at = now() WHERE id = $1 AND status = 'RUNNING'",
    [id, status, output === null ? null : JSON.stringify(output), error, cause],
  );
}

export async function readExecution(db: Database, executionId: string): Promise<ExecutionDescription | null> {
  const [r] = await db.query<{
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
  if (!r) return null;
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

export async function readHistory(db: Database, executionId: string): Promise<ExecutionEvent[]> {
  const rows = await db.query<{ at: Date; type: string; state: string | null; detail: Record<string, unknown> }>(
    "SELECT at, type, state, detail FROM workflow_events WHERE execution_id = $1 ORDER BY id",
    [executionId],
  );
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), type: r.type, state: r.state, detail: r.detail }));
}
