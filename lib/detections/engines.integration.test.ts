/**
 * One rule definition, two engines: a threshold rule's SQL runs on DuckDB and is sent to Athena
 * (the SDK client mocked by a fake that runs Athena's SQL on DuckDB over the same files) with its
 * parameters, raising the same findings; a Sigma rule compiles for both and hits exactly the events
 * the equivalent built-in rule raises a finding for.
 */
import fs from "node:fs";
import path from "node:path";
import { StartQueryExecutionCommand } from "@aws-sdk/client-athena";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { parse } from "yaml";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { DB_TARGETS } from "@/test/support/databases";
import { DetectionLake } from "@/test/support/detection-lake";
import { athenaEngineOver } from "@/test/support/fake-athena";
import { rule as burst } from "./rules/credential-access/console-login-failure-burst";
import { rule as adminPolicy } from "./rules/privilege-escalation/admin-policy-attached-to-user";
import { sigmaAsScheduled } from "./sigma/as-scheduled";
import { compileSigmaRule } from "./sigma/compile-rule";

const NOW = Date.parse("2026-11-20T13:00:00Z");
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

test("a threshold rule's SQL raises the same findings on DuckDB and on Athena, sent with its parameters", async () => {
  await lake.load(burst.fixtures.fire.objects);
  const onDuckDb = await lake.run({ now: NOW, rules: [burst] });
  const duckFindings = await lake.findings([`Sightline:${burst.id}`]);
  expect(duckFindings).toHaveLength(1);

  await db.query("DELETE FROM detection_windows");
  const { engine, service } = await athenaEngineOver(lake.root);
  try {
    const onAthena = await lake.run({ now: NOW, rules: [burst], lake: engine });
    expect(onAthena.evaluated).toEqual(onDuckDb.evaluated);
    expect(await lake.findings([`Sightline:${burst.id}`])).toEqual(duckFindings);
    const sent = service.mock.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input);
    // Consecutive hours are read in one statement.
    expect(sent).toHaveLength(1);
    for (const input of sent) {
      expect(input.QueryString).toContain("HAVING count(*) >= ?");
      expect(input.QueryString).not.toContain("2026-11-20");
      // dt range, time range (ms) and the threshold travel as execution parameters, never in the text.
      expect(input.ExecutionParameters?.slice(-1)).toEqual([String(burst.threshold)]);
      expect(input.ExecutionParameters?.[0]).toMatch(/^'2026-11-(19|20)'$/);
    }
  } finally {
    await engine.close();
    await service.close();
  }
});

/** Event ids the compiled Sigma rule selects from the lake's CloudTrail table. */
async function sigmaHits(engine: LakeQueryEngine, where: (d: LakeQueryEngine["dialect"]) => string) {
  const d = engine.dialect;
  const { rows } = await engine.query<{ event_id: string }>(
    `SELECT event_id FROM ${d.table("cloudtrail")} WHERE ${where(d)} ORDER BY event_id`,
    [],
  );
  return rows.map((r) => r.event_id);
}

test("a Sigma rule compiles to both engines and hits exactly the events the equivalent built-in rule raises", async () => {
  const file = path.resolve("lib/detections/sigma/equivalence/admin-policy-attached-to-user.yml");
  const sigma = compileSigmaRule(parse(fs.readFileSync(file, "utf8")), path.basename(file));
  await lake.load([...adminPolicy.fixtures.fire, ...adminPolicy.fixtures.quiet].map((r) => [r]));
  const builtIn = (await lake.findings([`Sightline:${adminPolicy.id}`]))
    .flatMap((f) => JSON.parse(f.detail).events.map((e: { event_id: string }) => e.event_id) as string[])
    .sort();
  expect(builtIn).toHaveLength(adminPolicy.fixtures.fire.length);
  expect(await sigmaHits(lake.lake, sigma.where)).toEqual(builtIn);
  const { engine, service } = await athenaEngineOver(lake.root);
  try {
    expect(await sigmaHits(engine, sigma.where)).toEqual(builtIn);
  } finally {
    await engine.close();
    await service.close();
  }
  // Run by the scheduled engine, the Sigma rule raises findings over the same events.
  await lake.run({ now: NOW, rules: [sigmaAsScheduled(sigma)] });
  const raised = await lake.findings([`Sightline:${sigma.id}`]);
  expect(
    raised.flatMap((f) => JSON.parse(f.detail).events.map((e: { event_id: string }) => e.event_id)).sort(),
  ).toEqual(builtIn);
});
