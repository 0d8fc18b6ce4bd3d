/**
 * Every built-in rule's fixtures through the real lake ETL staging (decode → normalize →
 * detections → Parquet): each positive fixture raises exactly its rule, each negative raises
 * nothing. CloudTrail fixtures go both ways the ETL reads a trail file: the one-line
 * `{"Records":[…]}` document (the bulk path, which only looks closer at records the prefilter
 * picks) and the same document spread over lines (record by record).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { stageObject } from "@/lib/lake/stage-object";
import { ALL_RULES, EVENT_RULES } from "./catalog";
import type { CloudTrailRecord, EventRule } from "./rule";

const FLOW_HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
let writer: DuckDbParquetWriter;
let staging: string;
let n = 0;

beforeAll(async () => {
  writer = await DuckDbParquetWriter.create({ threads: 1, memoryLimit: "256MB" });
  staging = fs.mkdtempSync(path.join(os.tmpdir(), "rules-"));
});
afterAll(() => {
  writer.close();
  fs.rmSync(staging, { recursive: true, force: true });
});

/** The finding types staging one raw object raises. */
async function raised(key: string, text: string): Promise<string[]> {
  const staged = await stageObject({
    sourceKey: key,
    bytes: Buffer.from(text),
    writer,
    stagingDir: path.join(staging, String(n++)),
  });
  expect(staged.quarantined).toEqual([]);
  return staged.findings.map((f) => String(f.finding_type)).sort();
}

const trailKey = () =>
  `AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/111122223333_CloudTrail_us-east-1_20261120T1005Z_${n}.json`;
const flowKey = () =>
  `AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/11/20/111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d_${n}.log`;

/** Every way the ETL may read the fixture: for CloudTrail, compact (bulk) and spread over lines. */
function objectsOf(rule: EventRule, fixture: CloudTrailRecord | string): [string, string][] {
  if (rule.kind === "vpcflow") return [[flowKey(), `${FLOW_HEADER}\n${fixture}\n`]];
  const doc = { Records: [fixture] };
  return [
    [trailKey(), JSON.stringify(doc)],
    [trailKey(), JSON.stringify(doc, null, 2)],
  ];
}

test(`the catalog holds at least 120 rules, each id once`, () => {
  const ids = ALL_RULES.map((r) => r.id);
  console.log(`[detections] ${ids.length} built-in rules (${EVENT_RULES.length} per-event)`);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(120);
});

describe.each(EVENT_RULES.map((rule) => ({ id: rule.id, rule })))("rule $id", ({ rule }) => {
  test("has a fixture that must fire, one that must not, a runbook and an ATT&CK technique", () => {
    expect(rule.fixtures.fire.length).toBeGreaterThan(0);
    expect(rule.fixtures.quiet.length).toBeGreaterThan(0);
    expect(
      rule.runbook.check.length * rule.runbook.contain.length * rule.runbook.falsePositives.length,
    ).toBeGreaterThan(0);
    expect(rule.techniques.every((t) => /^T\d{4}(\.\d{3})?$/.test(t))).toBe(true);
  });

  test("each positive fixture raises exactly this rule", async () => {
    for (const fixture of rule.fixtures.fire as (CloudTrailRecord | string)[])
      for (const [key, text] of objectsOf(rule, fixture))
        expect(await raised(key, text), key).toEqual([`Sightline:${rule.id}`]);
  });

  test("each negative fixture raises nothing", async () => {
    for (const fixture of rule.fixtures.quiet as (CloudTrailRecord | string)[])
      for (const [key, text] of objectsOf(rule, fixture)) expect(await raised(key, text), key).toEqual([]);
  });
});
