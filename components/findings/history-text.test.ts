import { describe, expect, test } from "vitest";
import { describeHistory } from "./history-text";

const entry = (action: string, detail: Record<string, unknown>, reason: string | null = null) => ({
  action,
  detail,
  reason,
});

describe("describeHistory", () => {
  test("a status change names both statuses in words, with its reason", () => {
    expect(
      describeHistory(
        entry("finding.status", {
          before: { status: "new", assignee: null },
          after: { status: "in_progress", assignee: null },
        }),
      ),
    ).toBe("changed the status from New to In progress");
    expect(
      describeHistory(
        entry(
          "finding.status",
          { before: { status: "new", assignee: null }, after: { status: "suppressed", assignee: null }, bulk: 3 },
          "Pen test",
        ),
      ),
    ).toBe("changed the status from New to Suppressed (with 2 others): “Pen test”");
  });
  test("assigning and unassigning say who", () => {
    const a = { before: { status: "new", assignee: null }, after: { status: "new", assignee: "ana@x.test" } };
    expect(describeHistory(entry("finding.update", a))).toBe("assigned it to ana@x.test");
    const u = { before: { status: "new", assignee: "ana@x.test" }, after: { status: "new", assignee: null } };
    expect(describeHistory(entry("finding.update", u))).toBe("unassigned it (was ana@x.test)");
    const both = { before: { status: "new", assignee: null }, after: { status: "resolved", assignee: "ana@x.test" } };
    expect(describeHistory(entry("finding.status", both))).toBe(
      "changed the status from New to Resolved and assigned it to ana@x.test",
    );
  });
  test("a note is 'added a note', never its length or an empty string", () => {
    expect(describeHistory(entry("finding.note", { length: 12 }))).toBe("added a note");
  });
  test("an unknown action still reads as words", () => {
    expect(describeHistory(entry("finding.sample_generated", {}))).toBe("sample generated");
  });
});
