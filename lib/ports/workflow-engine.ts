/** Workflows the product runs (one ASL file each under `workflows/`). */
export const WORKFLOWS = ["application-review", "incident-response", "incident-release"] as const;
export type WorkflowName = (typeof WORKFLOWS)[number];

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface ExecutionDescription {
  executionId: string;
  workflow: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED" | "ABORTED" | "TIMED_OUT";
  input: Json;
  output: Json | null;
  error: string | null;
  cause: string | null;
  startedAt: string;
  stoppedAt: string | null;
}

export interface ExecutionEvent {
  at: string;
  type: string;
  state: string | null;
  detail: Record<string, unknown>;
}

/**
 * Runs state machines and resumes their callback tasks. Errors use our codes: a token that does
 * not exist or was already used → `gone`; a task past its timeout → `gone` ("expired").
 */
export interface WorkflowEngine {
  /**
   * Starts an execution; `name` makes it idempotent (the same name returns the existing execution).
   * `alreadyStarted` is true when the engine reports the name as taken: always for the local engine;
   * for Step Functions once that execution has ended — a repeated start of a running execution with
   * the same input is answered as a fresh start (same execution id).
   */
  start(workflow: WorkflowName, name: string, input: Json): Promise<{ executionId: string; alreadyStarted: boolean }>;
  sendTaskSuccess(token: string, output: Json): Promise<void>;
  sendTaskFailure(token: string, error: string, cause: string): Promise<void>;
  describe(executionId: string): Promise<ExecutionDescription>;
  history(executionId: string): Promise<ExecutionEvent[]>;
  /** In-process engines only: re-enter the executions a previous process left RUNNING; returns how many. */
  resumeAll?(): Promise<number>;
  /** In-process engines only: stop waiting (running executions stay RUNNING for the next start). */
  stop?(): Promise<void>;
}
