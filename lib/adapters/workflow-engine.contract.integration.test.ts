import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ExecutionDescription, Json, WorkflowEngine } from "@/lib/ports/workflow-engine";
import { type OpenWorkflowEngine, WORKFLOW_TARGETS } from "@/test/support/workflow-engines";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
let seq = 0;
/** A fresh execution name and the application-review input the name check flags (so it waits for a reviewer). */
const application = (slaSeconds = 3600) => {
  const applicationId = `app-contract-${Date.now()}-${++seq}`;
  const input: Json = {
    applicationId,
    submittedBy: "applicant@example.com",
    application: { name: "Mallory Blacklisted" },
    slaSeconds,
  };
  return { name: applicationId, input };
};

/** The execution once it has stopped; polls, as a caller of either engine would (the deadline guards a hang). */
async function stopped(engine: WorkflowEngine, executionId: string): Promise<ExecutionDescription> {
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const d = await engine.describe(executionId);
    if (d.status !== "RUNNING") return d;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${executionId} did not stop`);
}

/** What each group of contract tests runs against: the target's engine, opened once per target. */
interface Suite {
  readonly opened: OpenWorkflowEngine;
  readonly engine: WorkflowEngine;
}

/** Starting and describing executions. */
function startTests(s: Suite) {
  test("start opens an execution that describe shows RUNNING with its input", async () => {
    const { name, input } = application();
    const before = Date.now();
    const started = await s.engine.start("application-review", name, input);
    expect(started.alreadyStarted).toBe(false);
    const d = await s.engine.describe(started.executionId);
    expect(d).toMatchObject({ executionId: started.executionId, status: "RUNNING", input, output: null });
    expect(d.workflow).toMatch(/^application-review/);
    expect(d).toMatchObject({ error: null, cause: null, stoppedAt: null });
    expect(d.startedAt).toMatch(ISO);
    expect(Date.parse(d.startedAt)).toBeGreaterThanOrEqual(before - 2000);
  });

  test("the same name again returns the same execution and starts no second one", async () => {
    const { name, input } = application();
    const first = await s.engine.start("application-review", name, input);
    const token = await s.opened.waitingTask(first.executionId);
    expect((await s.engine.start("application-review", name, input)).executionId).toBe(first.executionId);
    expect(await s.opened.waitingTask(first.executionId)).toBe(token);
    await s.engine.sendTaskSuccess(token, { decidedBy: "reviewer@sightline.local", comment: "ok" });
    const done = await stopped(s.engine, first.executionId);
    const afterwards = await s.engine.start("application-review", name, input);
    expect(afterwards).toEqual({ executionId: first.executionId, alreadyStarted: true });
    expect(await s.engine.describe(first.executionId)).toEqual(done);
  });

  test("describing an execution that does not exist is not_found", async () => {
    const missing = "arn:aws:states:eu-west-1:111122223333:execution:application-review-4f2a9c1:never-started";
    await expect(s.engine.describe(missing)).rejects.toMatchObject({ code: "not_found" });
  });
}

/** Decisions on callback tasks. */
function decisionTests(s: Suite) {
  test("a task success resumes the execution: SUCCEEDED with the decision in its output", async () => {
    const { name, input } = application();
    const { executionId } = await s.engine.start("application-review", name, input);
    const token = await s.opened.waitingTask(executionId);
    const decision = { decidedBy: "reviewer@sightline.local", comment: "known customer" };
    await s.engine.sendTaskSuccess(token, decision);
    const d = await stopped(s.engine, executionId);
    expect(d).toMatchObject({ status: "SUCCEEDED", error: null, cause: null });
    expect(d.output).toMatchObject({ applicationId: name, decision });
    expect(d.stoppedAt).toMatch(ISO);
    expect(Date.parse(d.stoppedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(d.startedAt));
  });

  test("a task is decided once: a second decision of either kind is gone", async () => {
    const { name, input } = application();
    const { executionId } = await s.engine.start("application-review", name, input);
    const token = await s.opened.waitingTask(executionId);
    await s.engine.sendTaskSuccess(token, { decidedBy: "first@sightline.local", comment: null });
    await expect(s.engine.sendTaskSuccess(token, { decidedBy: "second@sightline.local" })).rejects.toMatchObject({
      code: "gone",
    });
    await expect(s.engine.sendTaskFailure(token, "Rejected", "too late")).rejects.toMatchObject({ code: "gone" });
    expect((await stopped(s.engine, executionId)).output).toMatchObject({
      decision: { decidedBy: "first@sightline.local" },
    });
  });

  test("a token that was never issued is gone", async () => {
    await expect(s.engine.sendTaskSuccess("AAAAnot-a-token", {})).rejects.toMatchObject({ code: "gone" });
    await expect(s.engine.sendTaskFailure("AAAAnot-a-token", "Rejected", "x")).rejects.toMatchObject({ code: "gone" });
  });

  test("a task failure resumes the execution with its error and cause, which its history keeps", async () => {
    const { name, input } = application();
    const { executionId } = await s.engine.start("application-review", name, input);
    const token = await s.opened.waitingTask(executionId);
    await s.engine.sendTaskFailure(token, "Rejected", "screening hit");
    const d = await stopped(s.engine, executionId);
    expect(d.stoppedAt).toMatch(ISO);
    const history = await s.engine.history(executionId);
    expect(history.map((e) => e.detail)).toContainEqual({ error: "Rejected", cause: "screening hit" });
  });
}

/** History, and tasks that time out. */
function historyAndTimeoutTests(s: Suite) {
  test("history lists the execution's events from its start to its end, entering the callback state", async () => {
    const { name, input } = application();
    const { executionId } = await s.engine.start("application-review", name, input);
    const token = await s.opened.waitingTask(executionId);
    await s.engine.sendTaskSuccess(token, { decidedBy: "reviewer@sightline.local", comment: null });
    await stopped(s.engine, executionId);
    const history = await s.engine.history(executionId);
    expect(history.length).toBeGreaterThan(2);
    for (const e of history) expect(e.at).toMatch(ISO);
    const steps = history.map((e) => `${e.type}:${e.state ?? ""}`);
    expect(steps[0]).toBe("ExecutionStarted:");
    expect(steps.indexOf("StateEntered:PendingReview")).toBeGreaterThan(0);
    expect(steps.at(-1)).toBe("ExecutionSucceeded:");
  });

  test("a task past its timeout is gone", async () => {
    const { name, input } = application(1);
    const { executionId } = await s.engine.start("application-review", name, input);
    const token = await s.opened.waitingTask(executionId);
    const d = await stopped(s.engine, executionId);
    expect(d.stoppedAt).toMatch(ISO);
    await expect(s.engine.sendTaskSuccess(token, { decidedBy: "late@sightline.local" })).rejects.toMatchObject({
      code: "gone",
    });
  });
}

describe.each(WORKFLOW_TARGETS)("WorkflowEngine contract on $name", (target) => {
  let opened: OpenWorkflowEngine | undefined;
  beforeAll(async () => {
    opened = await target.open();
  });
  afterAll(async () => opened?.close());
  const suite: Suite = {
    get opened() {
      if (!opened) throw new Error("the engine opens before the suite's tests");
      return opened;
    },
    get engine() {
      return this.opened.engine;
    },
  };
  startTests(suite);
  decisionTests(suite);
  historyAndTimeoutTests(suite);
});
