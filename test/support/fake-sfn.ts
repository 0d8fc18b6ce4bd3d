import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { mockClient } from "aws-sdk-client-mock";
import type { WorkflowName } from "@/lib/ports/workflow-engine";
import { MemoryStepFunctions } from "./fake-sfn-service";

/**
 * Step Functions in memory behind an SFNClient instance, for the repo's machines up to their
 * callback state: StartExecution opens an execution at that state and issues its task token
 * (names idempotent as Step Functions has them: same name and input while open → the same
 * execution; otherwise ExecutionAlreadyExists); a token is decided once (after: TaskDoesNotExist;
 * past its TimeoutSecondsPath: TaskTimedOut; never issued: InvalidToken). A success closes the
 * execution SUCCEEDED with the task output at the state's ResultPath; a failure or timeout closes it
 * FAILED with that error (the machine's Catch routes are not modelled). Other calls fail loudly.
 * `historyPageSize` caps history pages below the service's, so small tests cross pages.
 */
export function fakeStepFunctions(
  client: SFNClient,
  machines: Record<string, WorkflowName>,
  opts: { historyPageSize?: number } = {},
) {
  const service = new MemoryStepFunctions(machines, opts.historyPageSize ?? 1000);
  const mock = mockClient(client);
  mock.onAnyCommand().rejects(new Error("fake Step Functions: unsupported command"));
  mock.on(StartExecutionCommand).callsFake(async (i) => service.start(i));
  mock.on(SendTaskSuccessCommand).callsFake(async (i) => service.succeed(i));
  mock.on(SendTaskFailureCommand).callsFake(async (i) => service.fail(i));
  mock.on(DescribeExecutionCommand).callsFake(async (i) => service.describe(i));
  mock.on(GetExecutionHistoryCommand).callsFake(async (i) => service.history(i));
  return {
    /** The token the callback state's Lambda would have received for `executionArn`. */
    tokenOf: (executionArn: string) => service.tokens.get(executionArn),
    restore() {
      service.stopTimers();
      mock.restore();
    },
  };
}
