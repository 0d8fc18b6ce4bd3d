import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { AppError } from "@/lib/errors";
import type {
  ExecutionDescription,
  ExecutionEvent,
  Json,
  WorkflowEngine,
  WorkflowName,
} from "@/lib/ports/workflow-engine";

/** Step Functions' execution names: 1–80 of letters, digits, `-` and `_`. */
export const executionName = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 80);

/** SDK errors → our codes (the token cases are what a reviewer can run into). */
function mapError(err: unknown): never {
  const name = (err as { name?: string }).name ?? "";
  const message = (err as Error).message ?? name;
  if (name === "TaskTimedOut")
    throw new AppError("gone", "This task timed out: its SLA passed before the decision reached the workflow");
  if (name === "TaskDoesNotExist" || name === "InvalidToken")
    throw new AppError("gone", "The workflow is no longer waiting on this task (decided, expired or closed)");
  if (name === "ExecutionDoesNotExist") throw new AppError("not_found", "No such execution");
  if (name === "ThrottlingException" || name === "TooManyRequestsException")
    throw new AppError("rate_limited", "Step Functions is throttling; try again shortly");
  throw new AppError("unavailable", `Step Functions: ${message}`);
}

/** Step Functions via the AWS SDK: the deployed state machines, the same ASL as the local engine runs. */
export class SfnWorkflowEngine implements WorkflowEngine {
  private readonly client: SFNClient;

  constructor(
    private readonly stateMachines: Partial<Record<WorkflowName, string>>,
    opts: { region?: string; client?: SFNClient } = {},
  ) {
    this.client = opts.client ?? new SFNClient({ region: opts.region });
  }

  async start(workflow: WorkflowName, name: string, input: Json) {
    const arn = this.stateMachines[workflow];
    if (!arn) throw new AppError("unavailable", `No state machine configured for ${workflow}`);
    try {
      const res = await this.client.send(
        new StartExecutionCommand({ stateMachineArn: arn, name: executionName(name), input: JSON.stringify(input) }),
      );
      return { executionId: res.executionArn ?? "", alreadyStarted: false };
    } catch (err) {
      // Same name: a running execution with the same input is answered as a fresh start (above); an
      // ended one, or a different input, is refused as ExecutionAlreadyExists.
      if (err instanceof ExecutionAlreadyExists || (err as { name?: string }).name === "ExecutionAlreadyExists") {
        const executionArn = `${arn.replace(":stateMachine:", ":execution:")}:${executionName(name)}`;
        return { executionId: executionArn, alreadyStarted: true };
      }
      mapError(err);
    }
  }

  async sendTaskSuccess(token: string, output: Json): Promise<void> {
    await this.client
      .send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }))
      .catch(mapError);
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    await this.client
      .send(new SendTaskFailureCommand({ taskToken: token, error, cause: cause.slice(0, 32768) }))
      .catch(mapError);
  }

  async describe(executionId: string): Promise<ExecutionDescription> {
    const r = await this.client.send(new DescribeExecutionCommand({ executionArn: executionId })).catch(mapError);
    return {
      executionId,
      workflow: r.stateMachineArn?.split(":").pop() ?? "",
      status: (r.status ?? "RUNNING") as ExecutionDescription["status"],
      input: r.input ? (JSON.parse(r.input) as Json) : null,
      output: r.output ? (JSON.parse(r.output) as Json) : null,
      error: r.error ?? null,
      cause: r.cause ?? null,
      startedAt: (r.startDate ?? new Date(0)).toISOString(),
      stoppedAt: r.stopDate ? r.stopDate.toISOString() : null,
    };
  }

  async history(executionId: string): Promise<ExecutionEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.client
        .send(new GetExecutionHistoryCommand({ executionArn: executionId, nextToken, maxResults: 1000 }))
        .catch(mapError);
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events.map((e) => {
      const entered = e.stateEnteredEventDetails;
      const exited = e.stateExitedEventDetails;
      const failed = e.executionFailedEventDetails ?? e.taskFailedEventDetails;
      return {
        at: (e.timestamp ?? new Date(0)).toISOString(),
        type: (e.type ?? "").replace(/^(.*)Entered$/, "StateEntered").replace(/^(.*)Exited$/, "StateExited"),
        state: entered?.name ?? exited?.name ?? null,
        detail: failed ? { error: failed.error, cause: failed.cause } : {},
      };
    });
  }
}
