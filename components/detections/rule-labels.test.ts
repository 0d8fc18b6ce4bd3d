import { describe, expect, test } from "vitest";
import type { RuleSummary } from "@/lib/schemas/detections";
import { filterRules, techniqueUrl } from "./rule-labels";

const rule = (over: Partial<RuleSummary>): RuleSummary => ({
  id: "x",
  title: "X",
  kind: "cloudtrail",
  severity: 3,
  defaultSeverity: 3,
  tactic: "discovery",
  techniques: [],
  enabled: true,
  enabledByDefault: true,
  hits24h: 0,
  hits7d: 0,
  lastFired: null,
  findings30d: 0,
  falsePositives30d: 0,
  falsePositiveShare: null,
  exceptions: [],
  ...over,
});

describe("filterRules", () => {
  const rules = [
    rule({
      id: "root-console-login",
      title: "Root console sign-in",
      tactic: "initial-access",
      techniques: ["T1078.004"],
    }),
    rule({ id: "api-discovery-burst", title: "Burst of List calls", kind: "threshold" }),
    rule({ id: "sigma-x", title: "A Sigma rule", kind: "sigma", tactic: null }),
  ];
  const ids = (f: Partial<Parameters<typeof filterRules>[1]>) =>
    filterRules(rules, { tactic: "", kind: "", q: "", ...f }).map((r) => r.id);

  test("no filter keeps every rule", () => expect(ids({})).toHaveLength(3));
  test("by tactic and by kind", () => {
    expect(ids({ tactic: "initial-access" })).toEqual(["root-console-login"]);
    expect(ids({ kind: "threshold" })).toEqual(["api-discovery-burst"]);
    expect(ids({ tactic: "discovery", kind: "sigma" })).toEqual([]);
  });
  test("text matches the id, the title or a technique, in any case", () => {
    expect(ids({ q: "ROOT" })).toEqual(["root-console-login"]);
    expect(ids({ q: "t1078" })).toEqual(["root-console-login"]);
    expect(ids({ q: "list calls" })).toEqual(["api-discovery-burst"]);
  });
});

test("techniqueUrl points at ATT&CK's page for techniques and sub-techniques", () => {
  expect(techniqueUrl("T1098.001")).toBe("https://attack.mitre.org/techniques/T1098/001/");
  expect(techniqueUrl("T1580")).toBe("https://attack.mitre.org/techniques/T1580/");
});
