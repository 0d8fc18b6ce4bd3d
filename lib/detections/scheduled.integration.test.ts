/**
 * The threshold and sequence rules through the real lake ETL and the scheduled engine: each rule's
 * positive fixture (raw objects, often split across files and hours) raises exactly that rule once,
 * its negative fixture nothing; re-running raises nothing new; a late object re-evaluates only the
 * hours whose windows read it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { DB_TARGETS } from "@/test/support/databases";
import { DetectionLake } from "@/test/support/detection-lake";
import { SCHEDULED_RULES } from "./catalog";
import { rule as burst } from "./rules/credential-access/console-login-failure-burst";
import { rule as sequence } from "./rules/privilege-escalation/no-mfa-sign-in-then-key-then-admin";

const NOW = Date.parse("2026-11-20T13:00:00Z");
const TYPES = SCHEDULED_RULES.map((r) => `Sightline:${r.id}`);
let db: PgDatabase;
let lake: DetectionLake;

beforeAll(async () => {
  db = await (DB_TARGETS[0] as (typeof DB_TARGETS)[number]).open();
  await migrate(db);
});
afterAll(async () => db?.close());
beforeEach(async () => {
  await lake?.close();
  lake = await DetectionLake.fresh(db);
});

describe.each(SCHEDULED_RULES.map((rule) => ({ id: rule.id, rule })))("scheduled rule $id", ({ rule }) => {
  test("its positive fixture raises exactly this rule, once", async () => {
    await lake.load(rule.fixtures.fire.objects);
    await lake.run({ now: NOW });
    expect((await lake.findings(TYPES)).map((f) => f.finding_type)).toEqual([`Sightline:${rule.id}`]);
  });

  test("its negative fixture raises nothing", async () => {
    await lake.load(rule.fixtures.quiet.objects);
    await lake.run({ now: NOW });
    expect(await lake.findings(TYPES)).toEqual([]);
  });
});

describe("the scheduled engine", () => {
  test("a burst over two objects and an hour boundary is one finding; re-running raises nothing new", async () => {
    await lake.load(burst.fixtures.fire.objects);
    const first = await lake.run({ now: NOW, rules: [burst] });
    const found = await lake.findings([`Sightline:${burst.id}`]);
    expect(found).toHaveLength(1);
    expect(found[0]?.event_count).toBe(6);
    expect(first.raised).toBe(1);
    const again = await lake.run({ now: NOW, rules: [burst] });
    expect(again).toEqual({ evaluated: [], findings: 0, raised: 0 });
    expect(await lake.findings([`Sightline:${burst.id}`])).toEqual(found);
  });

  test("a late object re-evaluates only the hours whose windows read it", async () => {
    await lake.load(burst.fixtures.quiet.objects);
    await lake.run({ now: NOW, rules: [burst] });
    // A fifth failure arrives late for 10:00–10:10. Windows reach back 2 × 10 minutes, so events of
    // 10:00–11:00 are read by the evaluations of 10:00 and 11:00 only: the other four hours stay.
    const { objects } = burst.fixtures.quiet;
    const late = (objects[0] as Record<string, unknown>[])
      .slice(0, 1)
      .map((r) => ({ ...r, eventTime: "2026-11-20T10:08:00Z", eventID: "late-1", requestID: "late-1" }));
    await lake.load([late]);
    const rerun = await lake.run({ now: NOW, rules: [burst] });
    expect(rerun.evaluated).toEqual([`${burst.id}@2026-11-20T10:00:00.000Z`, `${burst.id}@2026-11-20T11:00:00.000Z`]);
    expect((await lake.findings([`Sightline:${burst.id}`])).map((f) => f.event_count)).toEqual([5]);
  });

  test("a sequence lists its steps in order; out of order or outside the window raises nothing", async () => {
    await lake.load(sequence.fixtures.fire.objects);
    await lake.run({ now: NOW, rules: [sequence] });
    const [found] = await lake.findings([`Sightline:${sequence.id}`]);
    const steps = (JSON.parse(String(found?.detail)) as { steps: { step: number; event_name: string }[] }).steps;
    expect(steps.map((s) => [s.step, s.event_name])).toEqual([
      [1, "ConsoleLogin"],
      [2, "CreateAccessKey"],
      [3, "PutUserPolicy"],
    ]);
  });
});
