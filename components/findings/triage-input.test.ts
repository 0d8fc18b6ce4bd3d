import { describe, expect, test } from "vitest";
import { buildTriageInput } from "./triage-input";

describe("buildTriageInput", () => {
  test("a note alone is sent trimmed, without status or reason", () => {
    expect(buildTriageInput({ status: "", reason: "ignored", note: "  looked at it " })).toEqual({
      note: "looked at it",
    });
  });
  test("a status change carries its reason", () => {
    expect(buildTriageInput({ status: "resolved", reason: "patched", note: "" })).toEqual({
      status: "resolved",
      reason: "patched",
    });
  });
  test("suppressing without a reason sends none, and the API answers that one is needed", () => {
    expect(JSON.stringify(buildTriageInput({ status: "suppressed", reason: "", note: "" }))).toBe(
      '{"status":"suppressed"}',
    );
  });
});
