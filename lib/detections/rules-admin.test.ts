import { describe, expect, test } from "vitest";
import { findingsFilter, tacticCondition } from "@/lib/findings/findings-filter";
import { FindingsQuery } from "@/lib/schemas/findings";
import { ALL_RULES } from "./catalog";
import { findingDetection } from "./finding-detection";
import { triagedAsFalsePositive } from "./rule-stats";

describe("triagedAsFalsePositive", () => {
  test("suppressed, or resolved with a reason that says so", () => {
    expect(triagedAsFalsePositive({ status: "suppressed", reason: "noisy scanner" })).toBe(true);
    expect(triagedAsFalsePositive({ status: "resolved", reason: "False positive: CI role" })).toBe(true);
    expect(triagedAsFalsePositive({ status: "resolved", reason: "benign, pen test window" })).toBe(true);
    expect(triagedAsFalsePositive({ status: "resolved", reason: "FP" })).toBe(true);
  });
  test("resolving alone, or a real attack contained, is not a false positive", () => {
    expect(triagedAsFalsePositive({ status: "resolved", reason: null })).toBe(false);
    expect(triagedAsFalsePositive({ status: "resolved", reason: "keys rotated, attacker locked out" })).toBe(false);
    expect(triagedAsFalsePositive({ status: "in_progress", reason: "false positive?" })).toBe(false);
  });
});

describe("findings filters by rule and tactic", () => {
  const d = { containsText: (c: string) => `contains(${c}, ?)` } as never;
  test("a rule is one finding type, as a parameter", () => {
    const w = findingsFilter(d, FindingsQuery.parse({ rule: "root-console-login" }), null);
    expect(w.sql()).toBe("(finding_type = ?)");
    expect(w.params).toEqual(["Sightline:root-console-login"]);
  });
  test("a tactic is its rules' finding types and the GuardDuty families that map to it, all as parameters", () => {
    const c = tacticCondition("discovery");
    const own = ALL_RULES.filter((r) => r.tactic === "discovery").map((r) => `Sightline:${r.id}`);
    expect(own.length).toBeGreaterThan(0);
    expect(c.params).toEqual([...own, "Discovery:%", "PenTest:%", "Recon:%"]);
    expect(c.sql).toBe(
      `finding_type IN (${own.map(() => "?").join(", ")}) OR finding_type LIKE ? OR finding_type LIKE ? OR finding_type LIKE ?`,
    );
    expect(c.sql).not.toContain("Sightline");
  });
  test("an unknown tactic or a rule id with quotes is refused before any SQL", () => {
    expect(FindingsQuery.safeParse({ tactic: "recon" }).success).toBe(false);
    expect(FindingsQuery.safeParse({ rule: "x' OR 1=1 --" }).success).toBe(false);
  });
});

describe("findingDetection", () => {
  test("a Sightline finding names its rule, tactic, techniques and runbook", () => {
    const rule = ALL_RULES.find((r) => r.kind === "cloudtrail") as (typeof ALL_RULES)[number];
    const d = findingDetection(`Sightline:${rule.id}`, { rule: rule.id });
    expect(d).toMatchObject({ origin: "sightline", ruleId: rule.id, ruleTitle: rule.title, tactic: rule.tactic });
    expect(d?.runbook).toEqual(rule.runbook);
    expect(d?.steps).toEqual([]);
  });
  test("a sequence finding lists its steps in order", () => {
    const d = findingDetection("Sightline:sigma-gone", {
      tactic: "persistence",
      techniques: ["T1136.003"],
      sequence: true,
      steps: [
        { step: 2, title: "Key", event_id: "b", event_name: "CreateAccessKey", at: Date.parse("2026-11-20T10:05:00Z") },
        { step: 1, title: "User", event_id: "a", event_name: "CreateUser", at: Date.parse("2026-11-20T10:00:00Z") },
      ],
    });
    expect(d).toMatchObject({ ruleTitle: null, tactic: "persistence", techniques: ["T1136.003"], runbook: null });
    expect(d?.steps.map((s) => [s.step, s.eventName, s.at])).toEqual([
      [1, "CreateUser", "2026-11-20T10:00:00.000Z"],
      [2, "CreateAccessKey", "2026-11-20T10:05:00.000Z"],
    ]);
  });
  test("a GuardDuty finding gets the tactic of its family; anything else nothing", () => {
    expect(findingDetection("Recon:EC2/PortProbeUnprotectedPort", {})).toMatchObject({
      origin: "guardduty",
      tactic: "discovery",
    });
    expect(findingDetection("Unknown/Thing", {})).toBeNull();
  });
});
