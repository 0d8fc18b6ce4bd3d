/**
 * The rule admin verbs against a lake the real ETL loads (DuckDB) and the overlay database
 * (PGlite, and Postgres when DATABASE_URL is set): a rule that ships off is backtested, turned on,
 * given an exception and turned off again, and each change shows in what the next ETL run raises.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { updateTriage } from "@/lib/findings/update-triage";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { DetectionLake } from "@/test/support/detection-lake";
import { addRuleException } from "./add-rule-exception";
import { backtestRule } from "./backtest-rule";
import { FIXTURE, iamUser, trailRecord } from "./fixtures";
import { getRule } from "./get-rule";
import { listRules } from "./list-rules";
import { removeRuleException } from "./remove-rule-exception";
import { rule as burst } from "./rules/credential-access/console-login-failure-burst";
import { rule as crossAccount } from "./rules/lateral-movement/role-assumed-in-other-account";
import { rule as sequence } from "./rules/privilege-escalation/no-mfa-sign-in-then-key-then-admin";
import type { DetectionsCtx } from "./rules-ctx";
import { runDetectionsNow } from "./run-detections-now";
import { SIGMA_RECORDS } from "./sigma/test-rules/records";
import { updateRule } from "./update-rule";

const NOW = Date.parse("2026-11-20T13:00:00Z");
const TYPE = `Sightline:${crossAccount.id}`;
const admin: Principal = { id: "a", email: "admin@sightline.local", roles: ["admins"] };
const analyst: Principal = { id: "b", email: "analyst@sightline.local", roles: ["analysts"] };
const reviewer: Principal = { id: "c", email: "reviewer@sightline.local", roles: ["reviewers"] };
const arn = (user: string) => `arn:aws:iam::${FIXTURE.account}:user/${user}`;
const SIGMA_ADMIN_POLICY = "sigma-971e3571-9c9c-462d-a683-6ddf43942783";

/** `user` of this account assumes `role` in the other account at `time`. */
const assume = (user: string, role: string, time: string) =>
  trailRecord({
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    userIdentity: iamUser(user),
    eventTime: time,
    requestParameters: { roleArn: `arn:aws:iam::${FIXTURE.otherAccount}:role/${role}`, roleSessionName: user },
    responseElements: { credentials: { accessKeyId: "ASIAOTHERACCOUNT0001", expiration: "Nov 20, 2026, 11:05:00 AM" } },
  });

describe.each(DB_TARGETS)("rule administration on DuckDB + $name", (target) => {
  let db: PgDatabase;
  let lake: DetectionLake;
  const ctx = (principal: Principal = admin): DetectionsCtx => ({
    db,
    lake: lake.lake,
    principal,
    env: { dataDir: tempDir("rules-admin"), SIGHTLINE_SIGMA_DIR: path.resolve("lib/detections/sigma/test-rules") },
  });
  /** The principals the rule's findings in the lake name, sorted. */
  const raisedFor = async () =>
    (
      await lake.lake.query<{ principal: string }>(
        `SELECT DISTINCT principal FROM ${lake.lake.dialect.table("findings")} WHERE finding_type = ? ORDER BY principal`,
        [TYPE],
      )
    ).rows.map((r) => r.principal);
  const listed = async (id = crossAccount.id) =>
    (await listRules({ ctx: ctx(analyst), now: NOW })).rules.find((r) => r.id === id);

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    lake = await DetectionLake.open(db);
  });
  afterAll(async () => {
    await lake?.close();
    await db?.close();
  });

  test("a rule that ships off raises nothing; its backtest shows what it would have, per day", async () => {
    await lake.load([
      [assume("alice", "partner-a", "2026-11-18T10:00:00Z"), assume("alice", "partner-a", "2026-11-18T11:00:00Z")],
      [assume("bob", "partner-b", "2026-11-20T09:00:00Z")],
    ]);
    expect(await raisedFor()).toEqual([]);
    expect(await listed()).toMatchObject({ enabled: false, enabledByDefault: false, hits7d: 0, lastFired: null });

    const bt = await backtestRule({ ctx: ctx(analyst), input: { id: crossAccount.id, days: 3 }, now: NOW });
    expect(bt.perDay).toEqual([
      { day: "2026-11-18", hits: 2, findings: 1 },
      { day: "2026-11-19", hits: 0, findings: 0 },
      { day: "2026-11-20", hits: 1, findings: 1 },
    ]);
    expect(bt.wouldCreate).toBe(2); // alice's two calls fall in one day's dedup window
    expect(bt.topPrincipals).toEqual([
      { value: arn("alice"), count: 2 },
      { value: arn("bob"), count: 1 },
    ]);
    expect(bt.samples.map((s) => s.principal)).toEqual([arn("bob"), arn("alice"), arn("alice")]);
    expect(await raisedFor()).toEqual([]); // a backtest creates nothing
  });

  test("turned on by an admin, the next ETL run raises it, and the list counts its hits (audited)", async () => {
    await updateRule({ ctx: ctx(), input: { id: crossAccount.id, enabled: true } });
    await lake.load([[assume("carol", "partner-c", "2026-11-20T10:00:00Z")]]);
    expect(await raisedFor()).toEqual([arn("carol")]);
    expect(await listed()).toMatchObject({
      enabled: true,
      hits24h: 1,
      hits7d: 1,
      findings30d: 1,
      lastFired: "2026-11-20T10:00:00.000Z",
    });
    const [audit] = await db.query<{ actor: string; detail: { after: { enabled: boolean } } }>(
      "SELECT actor, detail FROM audit_log WHERE action = 'detection.rule.update' AND subject = $1",
      [crossAccount.id],
    );
    expect(audit).toMatchObject({ actor: admin.email, detail: { after: { enabled: true } } });
  });

  test("an exception for one principal: the next run raises for another but not for it; the backtest leaves it out", async () => {
    const x = await addRuleException({
      ctx: ctx(),
      input: { id: crossAccount.id, kind: "principal", value: arn("dave"), reason: "nightly partner export" },
    });
    await lake.load([
      [assume("dave", "partner-d", "2026-11-20T11:00:00Z"), assume("erin", "partner-d", "2026-11-20T11:00:00Z")],
    ]);
    expect(await raisedFor()).toEqual([arn("carol"), arn("erin")]);

    const bt = await backtestRule({ ctx: ctx(analyst), input: { id: crossAccount.id, days: 1 }, now: NOW });
    expect(bt.topPrincipals.map((p) => p.value)).not.toContain(arn("dave"));
    const detail = await getRule({ ctx: ctx(analyst), input: { id: crossAccount.id }, now: NOW });
    expect(detail.rule.exceptions).toEqual([
      expect.objectContaining({
        id: x.id,
        value: arn("dave"),
        reason: "nightly partner export",
        createdBy: admin.email,
      }),
    ]);
    expect(detail.rule.runbook?.check.length).toBeGreaterThan(0);
    expect(detail.rule.sql).toBeNull(); // per-event rules run in the ETL, not as SQL
  });

  test("an analyst resolving a finding as a false positive counts in the rule's false-positive share", async () => {
    const [f] = (
      await lake.lake.query<{ finding_id: string }>(
        `SELECT finding_id FROM ${lake.lake.dialect.table("findings")} WHERE finding_type = ? AND principal = ?`,
        [TYPE, arn("erin")],
      )
    ).rows;
    await updateTriage({
      ctx: { db, principal: analyst },
      id: String(f?.finding_id),
      input: { status: "resolved", reason: "False positive: partner sync" },
    });
    expect(await listed()).toMatchObject({ findings30d: 2, falsePositives30d: 1, falsePositiveShare: 0.5 });
  });

  test("turned off again with a severity of its own, the next run raises nothing; the exception can be retired", async () => {
    await updateRule({ ctx: ctx(), input: { id: crossAccount.id, enabled: false, severity: 5 } });
    await lake.load([[assume("grace", "partner-g", "2026-11-20T12:00:00Z")]]);
    expect(await raisedFor()).toEqual([arn("carol"), arn("erin")]);
    expect(await listed()).toMatchObject({ enabled: false, severity: 5, defaultSeverity: crossAccount.severity });
    const [x] = (await listed())?.exceptions ?? [];
    await removeRuleException({ ctx: ctx(), input: { id: crossAccount.id, exceptionId: String(x?.id) } });
    expect((await listed())?.exceptions).toEqual([]);
    await expect(
      removeRuleException({ ctx: ctx(), input: { id: crossAccount.id, exceptionId: String(x?.id) } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  test("threshold and sequence backtests find what the scheduler raises, and publish nothing", async () => {
    await lake.load([...burst.fixtures.fire.objects, ...sequence.fixtures.fire.objects]);
    const bt = await backtestRule({ ctx: ctx(analyst), input: { id: burst.id, days: 1 }, now: NOW });
    const seq = await backtestRule({ ctx: ctx(analyst), input: { id: sequence.id, days: 1 }, now: NOW });
    expect(await lake.findings([`Sightline:${burst.id}`, `Sightline:${sequence.id}`])).toEqual([]);
    await lake.run({ now: NOW, rules: [burst, sequence] });
    const raised = await lake.findings([`Sightline:${burst.id}`, `Sightline:${sequence.id}`]);
    expect(bt.wouldCreate).toBe(1);
    expect(seq.wouldCreate).toBe(1);
    expect(raised.map((f) => [f.finding_type, f.event_count])).toEqual([
      [`Sightline:${burst.id}`, bt.hits],
      [`Sightline:${sequence.id}`, seq.hits],
    ]);
    const detail = await getRule({ ctx: ctx(analyst), input: { id: burst.id }, now: NOW });
    expect(detail.rule.sql).toMatchObject({ engine: "duckdb", text: expect.stringContaining("HAVING count(*) >= ?") });
  });

  test("Sigma rules of the configured directory are listed (unsupported files with why) and backtested", async () => {
    await lake.load([SIGMA_RECORDS]);
    const list = await listRules({ ctx: ctx(analyst), now: NOW });
    expect(list.rules.find((r) => r.id === SIGMA_ADMIN_POLICY)).toMatchObject({
      kind: "sigma",
      tactic: "privilege-escalation",
      severity: 4,
      enabled: true,
    });
    expect(list.unsupportedSigma.map((u) => u.file)).toContain("unsupported/aggregation.yml");
    expect(list.unsupportedSigma.every((u) => u.reason.length > 10)).toBe(true);
    const bt = await backtestRule({ ctx: ctx(analyst), input: { id: SIGMA_ADMIN_POLICY, days: 1 }, now: NOW });
    expect(bt.samples.map((s) => s.eventId)).toEqual(["ev-01"]);
    expect(bt.wouldCreate).toBe(1);
  });

  test("running detections now: the local runner's summary; in AWS a clear refusal", async () => {
    const summary = { evaluated: ["a@2026-11-20T10:00:00.000Z"], findings: 2, raised: 1 };
    expect(await runDetectionsNow({ ctx: { ...ctx(), runDetections: async () => summary } })).toEqual({
      evaluated: 1,
      findings: 2,
      raised: 1,
    });
    await expect(runDetectionsNow({ ctx: ctx() })).rejects.toMatchObject({ code: "conflict" });
  });

  test("a wrong role is refused: analysts cannot change rules or run them, reviewers cannot read them", async () => {
    const id = crossAccount.id;
    const refused = { code: "forbidden" };
    await expect(updateRule({ ctx: ctx(analyst), input: { id, enabled: true } })).rejects.toMatchObject(refused);
    await expect(
      addRuleException({ ctx: ctx(analyst), input: { id, kind: "ip", value: "203.0.113.9", reason: "x" } }),
    ).rejects.toMatchObject(refused);
    await expect(removeRuleException({ ctx: ctx(analyst), input: { id, exceptionId: "1" } })).rejects.toMatchObject(
      refused,
    );
    await expect(runDetectionsNow({ ctx: ctx(analyst) })).rejects.toMatchObject(refused);
    await expect(listRules({ ctx: ctx(reviewer) })).rejects.toMatchObject(refused);
    await expect(getRule({ ctx: ctx(reviewer), input: { id } })).rejects.toMatchObject(refused);
    await expect(backtestRule({ ctx: ctx(reviewer), input: { id, days: 1 } })).rejects.toMatchObject(refused);
    expect(await listed()).toMatchObject({ enabled: false });
  });
});
