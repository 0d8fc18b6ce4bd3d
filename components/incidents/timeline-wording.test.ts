import { describe, expect, test } from "vitest";
import { actorInWords, resultInWords, stepInWords } from "./timeline-wording";

describe("stepInWords", () => {
  test("workflow states and event kinds read as words, not code names", () => {
    expect(stepInWords("action", "IsolateNetwork")).toBe("Containment: isolate network");
    expect(stepInWords("approval", "RequestApproval")).toBe("Decision: request approval");
    expect(stepInWords("undo", "RestoreInstance")).toBe("Release: restore instance");
    expect(stepInWords("outcome", "RecordOutcome")).toBe("Outcome: record outcome");
  });

  test("notification rows name the stage they announced", () => {
    expect(stepInWords("notification", "approval_requested")).toBe("Notification: approval requested");
    expect(stepInWords("notification", "release_rejected")).toBe("Notification: release rejected");
    expect(stepInWords("notification", "contained")).toBe("Notification: contained");
  });

  test("no row shows a raw CamelCase state or snake_case stage", () => {
    for (const [kind, step] of [
      ["error", "RecordFailure"],
      ["evidence", "CheckCollection"],
      ["notification", "approval_requested"],
    ] as const)
      expect(stepInWords(kind, step)).not.toMatch(/[a-z][A-Z]|_/);
  });
});

describe("actorInWords and resultInWords", () => {
  test("the workflow's own rows say Sightline did them; results are done or failed", () => {
    expect(actorInWords("system")).toBe("Sightline (automatic)");
    expect(actorInWords("reviewer@sightline.local")).toBe("reviewer@sightline.local");
    expect(resultInWords(true)).toBe("✓ done");
    expect(resultInWords(false)).toBe("✗ failed");
  });
});
