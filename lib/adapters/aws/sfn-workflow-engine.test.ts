import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, test } from "vitest";
import { SfnWorkflowEngine } from "./sfn-workflow-engine";

const sfn = mockClient(SFNClient);
const ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:sightline-application-review";
const engine = () =>
  new SfnWorkflowEngine({ "application-review": ARN }, { client: new SFNClient({ region: "eu-west-1" }) });
const named = (name: string) => Object.assign(new Error(name), { name });

beforeEach(() => sfn.reset());

describe("SfnWorkflowEngine", () => {
  test("StartExecution uses the application id as the execution name (idempotent) and JSON input", async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${ARN.replace("stateMachine", "execution")}:app-1` });
    const res = await engine().start("application-review", "app-1", { applicationId: "app-1" });
    expect(res.alreadyStarted).toBe(false);
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: ARN,
      name: "app-1",
      input: '{"applicationId":"app-1"}',
    });
    sfn.on(StartExecutionCommand).rejects(named("ExecutionAlreadyExists"));
    expect(await engine().start("application-review", "app-1", {})).toEqual({
      executionId: "arn:aws:states:eu-west-1:111122223333:execution:sightline-application-review:app-1",
      alreadyStarted: true,
    });
  });

  test("decisions: SendTaskSuccess with the output, SendTaskFailure with error Rejected and the reason as cause", async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    sfn.on(SendTaskFailureCommand).resolves({});
    await engine().sendTaskSuccess("tok-1", { decidedBy: "r@x" });
    await engine().sendTaskFailure("tok-2", "Rejected", "screening hit");
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: "tok-1",
      output: '{"decidedBy":"r@x"}',
    });
    expect(sfn.commandCalls(SendTaskFailureCommand)[0]?.args[0].input).toEqual({
      taskToken: "tok-2",
      error: "Rejected",
      cause: "screening hit",
    });
  });

  test.each([
    ["TaskTimedOut", "gone"],
    ["TaskDoesNotExist", "gone"],
    ["InvalidToken", "gone"],
    ["ThrottlingException", "rate_limited"],
    ["ServiceUnavailable", "unavailable"],
  ])("%s maps to %s", async (error, code) => {
    sfn.on(SendTaskSuccessCommand).rejects(named(error));
    await expect(engine().sendTaskSuccess("tok", {})).rejects.toMatchObject({ code });
  });

  test("DescribeExecution and paged GetExecutionHistory map to our shapes", async () => {
    sfn.on(DescribeExecutionCommand).resolves({
      executionArn: "e",
      stateMachineArn: ARN,
      status: "SUCCEEDED",
      input: '{"a":1}',
      output: '{"outcome":{"status":"approved"}}',
      startDate: new Date("2026-11-20T10:00:00Z"),
      stopDate: new Date("2026-11-20T10:05:00Z"),
    });
    expect(await engine().describe("e")).toMatchObject({
      status: "SUCCEEDED",
      output: { outcome: { status: "approved" } },
    });
    sfn
      .on(GetExecutionHistoryCommand, { nextToken: undefined })
      .resolves({
        nextToken: "n",
        events: [
          {
            id: 1,
            type: "TaskStateEntered",
            timestamp: new Date(),
            stateEnteredEventDetails: { name: "PendingReview" },
          },
        ],
      })
      .on(GetExecutionHistoryCommand, { nextToken: "n" })
      .resolves({
        events: [
          {
            id: 2,
            type: "ExecutionFailed",
            timestamp: new Date(),
            executionFailedEventDetails: { error: "X", cause: "y" },
          },
        ],
      });
    const h = await engine().history("e");
    expect(h.map((e) => [e.type, e.state])).toEqual([
      ["StateEntered", "PendingReview"],
      ["ExecutionFailed", null],
    ]);
    expect(h[1]?.detail).toEqual({ error: "X", cause: "y" });
  });
});
