import { randomBytes } from "node:crypto";
import {
  type DescribeExecutionCommandInput,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  type ExecutionStatus,
  type GetExecutionHistoryCommandInput,
  type HistoryEvent,
  InvalidName,
  InvalidOutput,
  InvalidToken,
  type SendTaskFailureCommandInput,
  type SendTaskSuccessCommandInput,
  type StartExecutionCommandInput,
  StateMachineDoesNotExist,
  TaskDoesNotExist,
  TaskTimedOut,
} from "@aws-sdk/client-sfn";
import type { WorkflowName } from "@/lib/ports/workflow-engine";
import { type CallbackState, callbackStateOf, withResult } from "./fake-sfn-machine";

interface Execution {
  arn: string;
  machineArn: string;
  input: string;
  status: ExecutionStatus;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
  events: HistoryEvent[];
}

interface Task {
  executionArn: string;
  status: "waiting" | "closed" | "timed_out";
  timer?: NodeJS.Timeout;
}

const meta = { $metadata: { httpStatusCode: 400 } };
const notFound = (arn: string | undefined) =>
  new ExecutionDoesNotExist({ message: `Execution Does Not Exist: '${arn}'`, ...meta });

/** Step Functions' executions and task tokens in memory, each call answered as the service answers it. */
export class MemoryStepFunctions {
  private readonly executions = new Map<string, Execution>();
  private readonly tasks = new Map<string, Task>();
  private readonly callbacks = new Map<WorkflowName, CallbackState>();
  readonly tokens = new Map<string, string>();

  constructor(
    private readonly machines: Record<string, WorkflowName>,
    private readonly historyPageSize: number,
  ) {}

  private callback(ex: Execution): CallbackState {
    const workflow = this.machines[ex.machineArn] as WorkflowName;
    const cb = this.callbacks.get(workflow) ?? callbackStateOf(workflow);
    this.callbacks.set(workflow, cb);
    return cb;
  }

  private event(ex: Execution, type: HistoryEvent["type"], details: Partial<HistoryEvent>) {
    const id = ex.events.length + 1;
    ex.events.push({ id, previousEventId: id - 1, timestamp: new Date(), type, ...details });
  }

  private close(ex: Execution, status: ExecutionStatus, out: { output?: string; error?: string; cause?: string }) {
    Object.assign(ex, { status, stopDate: new Date(), ...out });
    if (status === "SUCCEEDED") this.event(ex, "ExecutionSucceeded", { executionSucceededEventDetails: out });
    else this.event(ex, "ExecutionFailed", { executionFailedEventDetails: { error: out.error, cause: out.cause } });
  }

  /** The execution waiting on `token`, which is decided from now on. */
  private decide(token: string): Execution {
    const task = this.tasks.get(token);
    if (!task) throw new InvalidToken({ message: "Invalid Token: 'Provided task token is invalid'", ...meta });
    if (task.status === "timed_out") throw new TaskTimedOut({ message: "Task Timed Out", ...meta });
    if (task.status === "closed") throw new TaskDoesNotExist({ message: "Task does not exist", ...meta });
    clearTimeout(task.timer);
    task.status = "closed";
    return this.executions.get(task.executionArn) as Execution;
  }

  start(input: StartExecutionCommandInput) {
    const machineArn = input.stateMachineArn ?? "";
    const name = input.name ?? randomBytes(16).toString("hex");
    const json = input.input ?? "{}";
    if (!this.machines[machineArn])
      throw new StateMachineDoesNotExist({ message: `State Machine Does Not Exist: '${machineArn}'`, ...meta });
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new InvalidName({ message: `Invalid Name: '${name}'`, ...meta });
    const arn = `${machineArn.replace(":stateMachine:", ":execution:")}:${name}`;
    const existing = this.executions.get(arn);
    if (existing?.status === "RUNNING" && existing.input === json)
      return { executionArn: arn, startDate: existing.startDate };
    if (existing) throw new ExecutionAlreadyExists({ message: `Execution Already Exists: '${arn}'`, ...meta });
    const ex: Execution = { arn, machineArn, input: json, status: "RUNNING", startDate: new Date(), events: [] };
    this.executions.set(arn, ex);
    this.event(ex, "ExecutionStarted", { executionStartedEventDetails: { input: json } });
    this.wait(ex);
    return { executionArn: arn, startDate: ex.startDate };
  }

  /** Enters the callback state: a new task token, timing out after the state's timeout. */
  private wait(ex: Execution) {
    const cb = this.callback(ex);
    this.event(ex, "TaskStateEntered", { stateEnteredEventDetails: { name: cb.name, input: ex.input } });
    const token = randomBytes(48).toString("base64");
    const task: Task = { executionArn: ex.arn, status: "waiting" };
    const timeout = cb.timeoutSeconds(JSON.parse(ex.input));
    if (timeout !== null) {
      task.timer = setTimeout(() => {
        task.status = "timed_out";
        const details = { resourceType: "lambda", resource: "invoke.waitForTaskToken", error: "States.Timeout" };
        this.event(ex, "TaskTimedOut", { taskTimedOutEventDetails: details });
        this.close(ex, "FAILED", { error: "States.Timeout" });
      }, timeout * 1000);
      task.timer.unref();
    }
    this.tasks.set(token, task);
    this.tokens.set(ex.arn, token);
  }

  succeed(input: SendTaskSuccessCommandInput) {
    let output: unknown;
    try {
      output = JSON.parse(input.output ?? "");
    } catch {
      throw new InvalidOutput({ message: "Invalid Output: the output is not JSON", ...meta });
    }
    const ex = this.decide(input.taskToken ?? "");
    const cb = this.callback(ex);
    const details = { resourceType: "lambda", resource: "invoke.waitForTaskToken", output: input.output };
    this.event(ex, "TaskSucceeded", { taskSucceededEventDetails: details });
    this.event(ex, "TaskStateExited", { stateExitedEventDetails: { name: cb.name, output: input.output } });
    this.close(ex, "SUCCEEDED", { output: JSON.stringify(withResult(JSON.parse(ex.input), cb.resultPath, output)) });
    return {};
  }

  fail(input: SendTaskFailureCommandInput) {
    const ex = this.decide(input.taskToken ?? "");
    const failure = { error: input.error, cause: input.cause };
    const details = { resourceType: "lambda", resource: "invoke.waitForTaskToken", ...failure };
    this.event(ex, "TaskFailed", { taskFailedEventDetails: details });
    this.close(ex, "FAILED", failure);
    return {};
  }

  describe(input: DescribeExecutionCommandInput) {
    const ex = this.executions.get(input.executionArn ?? "");
    if (!ex) throw notFound(input.executionArn);
    const { arn: executionArn, machineArn: stateMachineArn, events: _events, ...rest } = ex;
    return { executionArn, stateMachineArn, name: executionArn.split(":").pop(), ...rest };
  }

  history(input: GetExecutionHistoryCommandInput) {
    const ex = this.executions.get(input.executionArn ?? "");
    if (!ex) throw notFound(input.executionArn);
    const from = input.nextToken ? Number(Buffer.from(input.nextToken, "base64url").toString()) : 0;
    const size = Math.min(input.maxResults || 100, this.historyPageSize);
    const more = from + size < ex.events.length;
    return {
      events: ex.events.slice(from, from + size),
      nextToken: more ? Buffer.from(String(from + size)).toString("base64url") : undefined,
    };
  }

  stopTimers() {
    for (const t of this.tasks.values()) clearTimeout(t.timer);
  }
}
