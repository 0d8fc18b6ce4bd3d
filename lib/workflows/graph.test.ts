import { describe, expect, test } from "vitest";
import { WORKFLOWS } from "@/lib/ports/workflow-engine";
import { localArns, renderAsl, taskStates } from "./definitions";
import { describeErrors, describeRule, type GraphScope, graphOfAsl, stateNames } from "./graph";

const graphOf = (wf: (typeof WORKFLOWS)[number]) => graphOfAsl(renderAsl(wf, localArns(wf)));
const find = (scope: GraphScope, name: string): GraphScope["states"][number] | undefined =>
  scope.states.find((s) => s.name === name) ??
  scope.states
    .flatMap((s) => s.branches)
    .reduce<GraphScope["states"][number] | undefined>((hit, b) => hit ?? find(b, name), undefined);

describe("graphOfAsl", () => {
  test.each(WORKFLOWS)("%s: every state of the ASL is in the graph once, nested ones inside their Parallel", (wf) => {
    const g = graphOf(wf);
    const names = stateNames(g);
    expect(new Set(names).size).toBe(names.length);
    for (const t of taskStates(renderAsl(wf, localArns(wf)) as never)) expect(names).toContain(t.name);
  });

  test("application-review: the Parallel's two branches, the Choice's rule and default, and the review's Catch paths", () => {
    const g = graphOf("application-review");
    const validate = find(g, "ValidateApplication");
    expect(validate?.type).toBe("Parallel");
    expect(validate?.branches.map((b) => b.startAt)).toEqual(["ValidateName", "ValidateAddress"]);
    expect(find(g, "ValidateName")?.edges).toEqual([{ to: "NameCheckFailed", kind: "catch", label: "error" }]);
    expect(find(g, "IsFlagged")?.edges).toEqual([
      { to: "PendingReview", kind: "choice", label: "flagged = true" },
      { to: "AutoApproved", kind: "default", label: "otherwise" },
    ]);
    expect(find(g, "PendingReview")?.edges).toEqual([
      { to: "Approved", kind: "next", label: null },
      { to: "Rejected", kind: "catch", label: "rejected" },
      { to: "Expired", kind: "catch", label: "timed out" },
      { to: "RecordFailure", kind: "catch", label: "error" },
    ]);
    expect(find(g, "Failed")).toMatchObject({ type: "Fail", end: true, edges: [] });
    expect(find(g, "RecordOutcome")?.end).toBe(true);
  });

  test("incident-response: three containment branches, a polling loop, and two rules to one state read as one edge", () => {
    const g = graphOf("incident-response");
    expect(find(g, "ContainInstance")?.branches.map((b) => b.startAt)).toEqual([
      "IsolateNetwork",
      "SnapshotVolumes",
      "StartCollection",
    ]);
    expect(find(g, "CollectionDone")?.edges).toContainEqual({
      to: "WaitForCollection",
      kind: "default",
      label: "otherwise",
    });
    expect(find(g, "ByResourceType")?.edges).toEqual([
      { to: "RequestApproval", kind: "choice", label: "plan = instance or access-key" },
      { to: "NoAutomaticAction", kind: "default", label: "otherwise" },
    ]);
    // A Next and a Catch to the same state are one edge.
    expect(find(g, "RecordFailure")?.edges).toEqual([{ to: "Failed", kind: "next", label: null }]);
  });
});

describe("describeRule / describeErrors", () => {
  test("comparisons, paths, presence, type tests, and/or/not", () => {
    expect(describeRule({ Variable: "$.a.b.count", NumericGreaterThanEquals: 3 })).toBe("count ≥ 3");
    expect(describeRule({ Variable: "$.x", StringEqualsPath: "$.y.z" })).toBe("x = z");
    expect(describeRule({ Variable: "$.x", IsPresent: false })).toBe("no x");
    expect(describeRule({ Variable: "$.x", IsNull: true })).toBe("x is null");
    expect(describeRule({ Not: { Variable: "$.done", BooleanEquals: true } })).toBe("not done = true");
    expect(
      describeRule({
        And: [
          { Variable: "$.a", NumericLessThan: 1 },
          { Variable: "$.b", StringMatches: "x*" },
        ],
      }),
    ).toBe("a < 1 and b matches x*");
  });
  test("errors in words", () => {
    expect(describeErrors(["States.ALL"])).toBe("error");
    expect(describeErrors(["States.Timeout", "States.TaskFailed"])).toBe("timed out, task failed");
    expect(describeErrors(["Rejected"])).toBe("rejected");
  });
});
