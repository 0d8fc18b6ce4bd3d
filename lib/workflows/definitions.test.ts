import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { applicationReviewHandlers } from "@/lib/applications/application-review-handlers";
import { incidentReleaseHandlers } from "@/lib/incidents/incident-release-handlers";
import { incidentResponseHandlers } from "@/lib/incidents/incident-response-handlers";
import { WORKFLOWS } from "@/lib/ports/workflow-engine";
import { localArns, placeholdersOf, readAsl, renderAsl, taskStates } from "./definitions";

// asl-validator ships CommonJS without types.
const validate = createRequire(import.meta.url)("asl-validator") as (
  def: unknown,
  opts?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errors: unknown[]; errorsText: (sep?: string) => string };

describe.each(WORKFLOWS)("workflows/%s.asl.json", (wf) => {
  const rendered = renderAsl(wf, localArns(wf));

  test("is valid ASL once its ARNs are rendered (asl-validator, paths and ARNs checked)", () => {
    const res = validate(rendered, { checkPaths: true, checkArn: true });
    expect(res.errorsText("\n")).toBe("");
    expect(res.isValid).toBe(true);
  });

  test("holds placeholders, not account-specific ARNs; a missing value is refused", () => {
    expect(readAsl(wf)).not.toMatch(/arn:aws:lambda:[a-z0-9-]+:\d{12}:/);
    expect(placeholdersOf(readAsl(wf)).length).toBeGreaterThan(0);
    expect(() => renderAsl(wf, {})).toThrow(/No value for/);
  });

  test("every Task state is caught (itself, or by the Parallel it runs in), and every Lambda Task retries transient errors with backoff and jitter", () => {
    type S = Record<string, unknown>;
    const walk = (states: Record<string, S>, caughtOutside: boolean): [string, S, boolean][] =>
      Object.entries(states).flatMap(([n, s]) => [
        [n, s, caughtOutside] as [string, S, boolean],
        ...((s.Branches as { States: Record<string, S> }[] | undefined) ?? []).flatMap((b) =>
          walk(b.States, caughtOutside || (Array.isArray(s.Catch) && s.Catch.length > 0)),
        ),
      ]);
    const tasks = walk(rendered.States as Record<string, S>, false).filter(([, s]) => s.Type === "Task");
    expect(tasks.length).toBeGreaterThan(3);
    for (const [name, s, caughtOutside] of tasks) {
      expect(caughtOutside || (Array.isArray(s.Catch) && s.Catch.length > 0), name).toBe(true);
      if (!String(s.Resource).endsWith(".waitForTaskToken")) {
        const retry = (s.Retry as { BackoffRate?: number; JitterStrategy?: string }[] | undefined)?.[0];
        expect(retry?.BackoffRate, name).toBeGreaterThan(1);
        expect(retry?.JitterStrategy, name).toBe("FULL");
      }
    }
  });
});

test.each([
  ["incident-response", () => incidentResponseHandlers({} as never)],
  ["incident-release", () => incidentReleaseHandlers({} as never)],
] as const)("every Task state of %s is bound to a handler, and nothing else is", (wf, make) => {
  const names = taskStates(renderAsl(wf, localArns(wf)) as never).map((t) => t.name);
  expect(Object.keys(make()).sort()).toEqual([...names].sort());
});

test("every Task state of application-review is bound to a handler, and nothing else is", () => {
  const names = taskStates(renderAsl("application-review", localArns("application-review")) as never).map(
    (t) => t.name,
  );
  const bound = Object.keys(applicationReviewHandlers({ db: {} as never, denylist: { entries: async () => [] } }));
  expect(bound.sort()).toEqual([...names].sort());
});
