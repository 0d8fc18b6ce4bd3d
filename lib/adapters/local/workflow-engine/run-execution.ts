import { StateMachine } from "aws-local-stepfunctions";
import type { Database } from "@/lib/ports/database";
import type { Json } from "@/lib/ports/workflow-engine";
import { taskStates } from "@/lib/workflows/definitions";
import type { Definition } from "./asl-definition";
import { finishExecution, recordEvents } from "./execution-store";

/** The code bound to a Task state: the same handler the Lambda runs. */
export type TaskHandler = (payload: Json) => Promise<Json>;
type LocalHandler = (input: unknown) => Promise<unknown>;

/**
 * The interpreter's handler per Task state, shaped like the integration the ASL names: a callback
 * (`.waitForTaskToken`) runs its handler then waits via `wait`; `lambda:invoke` answers in Lambda's
 * envelope; anything else gets the effective input as is.
 */
export function bindTaskHandlers(
  definition: Definition,
  handlers: Record<string, TaskHandler>,
  wait: () => Promise<Json>,
): Record<string, LocalHandler> {
  const bound: Record<string, LocalHandler> = {};
  for (const t of taskStates(definition)) {
    const fn = handlers[t.name] as TaskHandler;
    if (t.resource.endsWith(".waitForTaskToken")) {
      bound[t.name] = async (eff) => {
        await fn((eff as { Payload: Json }).Payload);
        return wait();
      };
    } else if (t.resource.startsWith("arn:aws:states:::lambda:invoke")) {
      // The shape Lambda's invoke integration returns, so ResultSelector `$.Payload` means the same here.
      bound[t.name] = async (eff) => ({ Payload: await fn((eff as { Payload: Json }).Payload), StatusCode: 200 });
    } else {
      bound[t.name] = (eff) => fn(eff as Json);
    }
  }
  return bound;
}

/**
 * Runs one execution to its end, recording its events and final status. An aborted run (the
 * process stopping) leaves the execution RUNNING so it resumes on the next start.
 */
export function runExecution(
  db: Database,
  definition: Definition,
  handlers: Record<string, LocalHandler>,
  execution: { executionId: string; input: Json; token: string },
): { finished: Promise<void>; abort: () => void } {
  const { executionId, input, token } = execution;
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
  const events = recordEvents(db, executionId, run.eventLogs);
  const finished = run.result
    .then(async (output) => {
      await events;
      await finishExecution(db, executionId, "SUCCEEDED", output as Json, null, null);
    })
    .catch(async (err: Error & { cause?: unknown }) => {
      await events.catch(() => undefined);
      if (err.name === "ExecutionAbortedError") return;
      const inner = (err as { cause?: Error }).cause;
      await finishExecution(db, executionId, "FAILED", null, inner?.name ?? err.name, inner?.message ?? err.message);
    });
  return { finished, abort: run.abort };
}
