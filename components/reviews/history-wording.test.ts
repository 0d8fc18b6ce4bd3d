import { describe, expect, test } from "vitest";
import { describeEvent, stateInWords } from "./history-wording";

const ev = (type: string, state: string | null, detail: Record<string, unknown> = {}) => ({
  at: "2026-12-05T10:00:00Z",
  type,
  state,
  detail,
});

describe("describeEvent", () => {
  test("a rejection reads as a rejection with its comment, not as a failed state", () => {
    expect(describeEvent(ev("StateFailed", "PendingReview", { error: "Rejected", cause: "Screening hit" }))).toBe(
      "Rejected: “Screening hit”",
    );
    expect(describeEvent(ev("TaskFailed", null, { error: "Rejected", cause: "rejected" }))).toBe("Rejected");
  });

  test("states reached, timeouts, retries and the workflow's start and end in words", () => {
    expect(describeEvent(ev("StateEntered", "PendingReview"))).toBe("Reached “Pending review”");
    expect(describeEvent(ev("StateFailed", "RequestApproval", { error: "States.Timeout" }))).toBe(
      "No decision in time at “Request approval”",
    );
    expect(describeEvent(ev("StateRetried", "ValidateName"))).toBe("Tried “Validate name” again");
    expect(describeEvent(ev("ExecutionStarted", null))).toBe("Workflow started");
    expect(describeEvent(ev("ExecutionSucceeded", null))).toBe("Workflow finished");
    expect(describeEvent(ev("ExecutionFailed", null, { error: "Boom", cause: "validator down" }))).toBe(
      "Workflow failed: validator down",
    );
    expect(describeEvent(ev("StateFailed", "Enrich", { error: "Lambda.Unknown" }))).toBe(
      "“Enrich” failed: Lambda.Unknown",
    );
  });

  test("bookkeeping is left out", () => {
    for (const t of ["StateExited", "StateCaught", "ParallelBranchStarted", "MapIterationSucceeded"])
      expect(describeEvent(ev(t, "X"))).toBeNull();
  });

  test("state names in words", () => {
    expect(stateInWords("RecordOutcome")).toBe("Record outcome");
  });
});
