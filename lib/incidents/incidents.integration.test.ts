import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { LocalWorkflowEngine } from "@/lib/adapters/local/local-workflow-engine";
import { SimulatedCloud } from "@/lib/adapters/local/simulated-cloud";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { makeWorld, type World } from "@/lib/demo/aws-world";
import { GUARDDUTY_TYPES, guardDutyFinding } from "@/lib/demo/generate-guardduty";
import { Random } from "@/lib/demo/random";
import { seedSimulatedInstance } from "@/lib/demo/seed-estate";
import { incidentFor } from "@/lib/findings/get-finding";
import { listFindings } from "@/lib/findings/list-findings";
import { createSuppression } from "@/lib/findings/suppressions";
import { CollectingSink } from "@/lib/lake/collecting-sink";
import { findingEventOf, raiseFindingEvents } from "@/lib/lake/finding-events";
import { normalizeObject } from "@/lib/lake/normalize-object";
import { runLakeEtl } from "@/lib/lake/run-lake-etl";
import type { NotifyDeps } from "@/lib/notify/channel-rows";
import { createChannel, deleteChannel, listChannels, listOutbox, testChannel } from "@/lib/notify/channels";
import { listInApp } from "@/lib/notify/in-app";
import { SecretBox } from "@/lib/notify/secret-box";
import { decideReview } from "@/lib/reviews/decide-review";
import { listReviews } from "@/lib/reviews/list-reviews";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import type { IncidentDeps } from "./deps";
import { dispatchFindingEvents } from "./dispatch";
import { getEvidence } from "./get-evidence";
import { getIncident } from "./get-incident";
import { incidentReleaseHandlers } from "./incident-release-handlers";
import { incidentResponseHandlers } from "./incident-response-handlers";
import { listIncidents } from "./list-incidents";
import { requestRelease } from "./request-release";

const reviewer: Principal = { id: "r1", email: "reviewer@sightline.local", roles: ["reviewers"] };
const admin: Principal = { id: "a1", email: "admin@sightline.local", roles: ["admins"] };
const admin2: Principal = { id: "a2", email: "admin2@sightline.local", roles: ["admins"] };
const analyst: Principal = { id: "n1", email: "analyst@sightline.local", roles: ["analysts"] };

/** The API calls each containment action makes (isolation moves an interface twice: transition, then isolation). */
const CONTAIN_CALLS: Record<string, string[]> = {
  "Isolate network interface": ["ModifyNetworkInterfaceAttribute", "ModifyNetworkInterfaceAttribute"],
  "Detach from Auto Scaling group": ["DetachInstances"],
  "Enable termination protection": ["ModifyInstanceAttribute"],
  "Snapshot EBS volume": ["CreateSnapshot"],
  "Tag instance": ["CreateTags"],
  "Swap instance profile": ["ReplaceIamInstanceProfileAssociation"],
  "Collect evidence (SSM)": ["SendCommand"],
};

/** The API call each release step makes (what the simulated estate records). */
const RELEASE_CALL: Record<string, string> = {
  "Restore security groups": "ModifyNetworkInterfaceAttribute",
  "Re-attach to Auto Scaling group": "AttachInstances",
  "Turn termination protection off": "ModifyInstanceAttribute",
  "Restore instance profile": "ReplaceIamInstanceProfileAssociation",
  "Remove quarantine tag": "DeleteTags",
};

const spec = (type: string) => GUARDDUTY_TYPES.find((t) => t.type === type) as (typeof GUARDDUTY_TYPES)[number];

/** A Slack-like webhook receiver: records every body it is sent. */
async function webhookServer() {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => {
      data += c;
    });
    req.on("end", () => {
      bodies.push(JSON.parse(data));
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    bodies,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => server.close(),
  };
}

describe.each(DB_TARGETS)("incident response on the local engine + $name", (target) => {
  let db: PgDatabase;
  let deps: IncidentDeps;
  let hook: Awaited<ReturnType<typeof webhookServer>>;
  const engines: LocalWorkflowEngine[] = [];
  let seq = 0;

  const engine = () => {
    const e = new LocalWorkflowEngine(
      db,
      { "incident-response": incidentResponseHandlers(deps), "incident-release": incidentReleaseHandlers(deps) },
      50,
    );
    engines.push(e);
    return e;
  };

  /** A fresh simulated instance (own VPC, one ENI with one group, one volume, in an ASG). */
  const newInstance = async (faults: Record<string, unknown> = {}) => {
    const w = makeWorld(1000 + seq++);
    const inst = { ...(w.instances[0] as World["instances"][number]), profile: "web" };
    await seedSimulatedInstance(db, inst);
    if (Object.keys(faults).length)
      await db.query("UPDATE sim_instances SET faults = $2 WHERE instance_id = $1", [inst.id, JSON.stringify(faults)]);
    return { world: { ...w, instances: [inst] }, inst };
  };

  /** A finding as GuardDuty exports it, through the normalizer, raised and dispatched like the ETL does. */
  const report = async (e: LocalWorkflowEngine, w: World, type: string, severity: number) => {
    const f = guardDutyFinding(new Random(seq++), w, Date.now(), { spec: spec(type), severity });
    const sink = new CollectingSink("AWSLogs/1/GuardDuty/us-east-1/x.jsonl");
    normalizeObject("AWSLogs/1/GuardDuty/us-east-1/x.jsonl", Buffer.from(JSON.stringify(f)), sink);
    sink.finish();
    await raiseFindingEvents(db, (sink.tables.get("findings") ?? []).map(findingEventOf));
    const s = await dispatchFindingEvents({
      db,
      workflows: e,
      notify: deps.notify,
      threshold: 7,
      startIncidents: true,
    });
    return { finding: f, dispatched: s };
  };

  const incidentOf = async (findingId: string) => {
    for (let i = 0; i < 300; i++) {
      const [r] = await db.query<{ id: string; status: string }>(
        "SELECT id, status FROM incidents WHERE finding_id = $1",
        [findingId],
      );
      if (r) return r;
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error("no incident");
  };
  const pendingReview = async (incidentId: string, workflow = "incident-response") => {
    for (let i = 0; i < 300; i++) {
      const [t] = await db.query<{ id: string; payload: { proposedActions: { action: string }[] } }>(
        "SELECT id, payload FROM review_tasks WHERE subject = $1 AND workflow = $2 AND status = 'pending'",
        [incidentId, workflow],
      );
      if (t) return t;
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error("no pending review");
  };
  const groupsOf = async (eni: string) =>
    (await db.query<{ groups: string[] }>("SELECT groups FROM sim_enis WHERE eni_id = $1", [eni]))[0]?.groups;
  const groupName = async (id: string) =>
    (await db.query<{ name: string }>("SELECT name FROM sim_security_groups WHERE group_id = $1", [id]))[0]?.name;
  const calls = (instanceId: string, action: string) =>
    db.query<{ params: { groups?: string[] }; ok: boolean }>(
      "SELECT params, ok FROM sim_api_calls WHERE action = $1 AND params->>'instanceId' = $2 ORDER BY id",
      [action, instanceId],
    );
  const instanceRow = async (id: string) =>
    (
      await db.query<{ asg_name: string | null; termination_protection: boolean; tags: Record<string, string> }>(
        "SELECT asg_name, termination_protection, tags FROM sim_instances WHERE instance_id = $1",
        [id],
      )
    )[0];

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    hook = await webhookServer();
    const secrets = SecretBox.fromBase64(randomBytes(32).toString("base64url"));
    const notify: NotifyDeps = {
      db,
      secrets,
      transport: {
        appUrl: "https://sightline.example",
        telegramApiBase: "http://127.0.0.1:9",
        email: null,
        emailFrom: "x@example.com",
      },
    };
    // A Slack channel whose webhook is the local receiver (the secret sealed as the app does it).
    await db.query(
      `INSERT INTO notification_channels (id, kind, name, min_severity, rate_limit, window_seconds, secret, created_by)
       VALUES ('slack-test', 'slack', 'SOC', 3, 1000, 600, $1, 'test')`,
      [secrets.seal({ webhookUrl: hook.url })],
    );
    const evidence = new FsObjectStore(tempDir("evidence"));
    deps = {
      db,
      cloud: new SimulatedCloud(db, evidence),
      evidence,
      notify,
      lake: null,
      config: { approvalSeconds: 3600, pollSeconds: 0, maxPolls: 10, evidenceBucket: null, quarantineProfileArn: null },
    };
  });
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.stop();
  });
  afterAll(async () => {
    hook?.close();
    await db?.close();
  });

  test("high-severity instance finding → approval → two-step isolation, ASG detach, snapshot, evidence → notify → contained; undo restores", async () => {
    const e = engine();
    const { world, inst } = await newInstance();
    const { finding, dispatched } = await report(e, world, "Backdoor:EC2/C&CActivity.B!DNS", 8.2);
    expect(dispatched).toMatchObject({ processed: 1, notified: 1, incidents: 1 });
    const incident = await incidentOf(String(finding.id));
    const task = await pendingReview(incident.id);
    expect(task.payload.proposedActions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "Isolate network interface",
        "Detach from Auto Scaling group",
        "Snapshot EBS volume",
        "Collect evidence (SSM)",
      ]),
    );
    // The queue can show containment approvals alone.
    const queue = await listReviews({ ctx: { db, principal: reviewer }, input: { workflow: "incident-response" } });
    expect(queue.items.map((r) => r.id)).toContain(task.id);
    expect(new Set(queue.items.map((r) => r.workflow))).toEqual(new Set(["incident-response"]));
    const apps = await listReviews({ ctx: { db, principal: reviewer }, input: { workflow: "application-review" } });
    expect(apps.items.map((r) => r.id)).not.toContain(task.id);
    // Nothing changes before the approval.
    expect(await groupsOf(inst.eni)).toEqual([inst.sg]);
    expect(await calls(inst.id, "ModifyNetworkInterfaceAttribute")).toEqual([]);

    await decideReview({
      ctx: { db, workflows: e, principal: reviewer },
      id: task.id,
      input: { decision: "approve", comment: "contain it" },
    });
    await e.idle();

    // The approval listed every change containment then made to the instance (branches run in parallel, so
    // unordered; reads such as polling the evidence command are not changes).
    const contained = await db.query<{ action: string }>(
      "SELECT action FROM sim_api_calls WHERE params->>'instanceId' = $1 AND ok AND action !~ '^(Get|Describe)' ORDER BY action",
      [inst.id],
    );
    expect(
      task.payload.proposedActions.flatMap((a) => CONTAIN_CALLS[a.action] ?? [`unknown: ${a.action}`]).sort(),
    ).toEqual(contained.map((c) => c.action));
    // Two steps: the allow-all transition group first, then the no-rule isolation group.
    const moves = await calls(inst.id, "ModifyNetworkInterfaceAttribute");
    expect(moves.map((m) => m.ok)).toEqual([true, true]);
    expect(await groupName(moves[0]?.params.groups?.[0] as string)).toBe("sightline-quarantine-transition");
    expect(await groupName(moves[1]?.params.groups?.[0] as string)).toBe("sightline-quarantine-isolation");
    const isolation = (
      await db.query<{ ingress: unknown[]; egress: unknown[] }>(
        "SELECT ingress, egress FROM sim_security_groups WHERE group_id = $1",
        [moves[1]?.params.groups?.[0]],
      )
    )[0];
    expect(isolation).toEqual({ ingress: [], egress: [] });
    expect(await groupsOf(inst.eni)).toEqual(moves[1]?.params.groups);
    const after = await instanceRow(inst.id);
    expect(after).toMatchObject({ asg_name: null, termination_protection: true });
    expect(after?.tags["sightline:quarantine"]).toBe(incident.id);
    const snaps = await db.query<{ volume_id: string; tags: Record<string, string> }>(
      "SELECT volume_id, tags FROM sim_snapshots WHERE volume_id = $1",
      [`vol-${inst.id.slice(2)}`],
    );
    expect(snaps).toHaveLength(1);
    expect(snaps[0]?.tags["sightline:quarantine"]).toBe(incident.id);

    // Evidence: key + SHA-256 on the timeline, equal to the hash of what is in the evidence store.
    const detail = await getIncident({ ctx: { db, principal: analyst }, id: incident.id });
    expect(detail.incident.status).toBe("contained");
    expect(await incidentFor(db, String(finding.id))).toEqual({ id: incident.id, status: "contained" });
    expect(detail.incident.simulated).toBe(true);
    const ev = detail.timeline.filter((t) => t.kind === "evidence");
    expect(ev).toHaveLength(3);
    for (const x of ev) {
      expect(x.ok).toBe(true);
      const body = await deps.evidence.get(String(x.detail.key));
      expect(createHash("sha256").update(body).digest("hex")).toBe(x.detail.sha256);
    }
    // Evidence downloads: only keys recorded on this incident, re-hashed, audited; reviewers are refused.
    const key = String(ev[0]?.detail.key);
    const got = await getEvidence({
      ctx: { db, principal: analyst },
      evidence: deps.evidence,
      id: incident.id,
      input: { key },
    });
    expect(got).toMatchObject({ key, sha256: ev[0]?.detail.sha256, matchesRecorded: true });
    await expect(
      getEvidence({
        ctx: { db, principal: analyst },
        evidence: deps.evidence,
        id: incident.id,
        input: { key: "incidents/other/secret.txt" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      getEvidence({ ctx: { db, principal: reviewer }, evidence: deps.evidence, id: incident.id, input: { key } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await deps.evidence.put(key, "tampered");
    expect(
      (await getEvidence({ ctx: { db, principal: analyst }, evidence: deps.evidence, id: incident.id, input: { key } }))
        .matchesRecorded,
    ).toBe(false);
    // Each action's real result is on the timeline, in order, approval first.
    const steps = detail.timeline.map((t) => `${t.kind}:${t.step}:${t.ok}`);
    expect(steps.indexOf("approval:BeginContainment:true")).toBeLessThan(steps.indexOf("action:IsolateNetwork:true"));
    expect(detail.timeline.find((t) => t.step === "BeginContainment" && t.kind === "approval")?.actor).toBe(
      reviewer.email,
    );
    expect(detail.timeline.filter((t) => t.step === "DetachFromAsg")[0]?.detail).toMatchObject({
      action: "DetachInstances",
    });
    expect(steps.at(-1)).toBe("outcome:RecordOutcome:true");
    // Notified: the finding, the approval request and the containment reached the webhook.
    const texts = hook.bodies.map((b) => (b as { text: string }).text);
    expect(texts.some((t) => t.startsWith("[High] Contained:") && t.includes(inst.id))).toBe(true);
    expect(texts.some((t) => t.startsWith("[High] Approval requested:"))).toBe(true);
    expect((await listInApp({ ctx: { db, principal: analyst } })).items.some((n) => n.subject === incident.id)).toBe(
      true,
    );
    // The timeline names channels as people named them, in words ("Notified … SOC"), not `inapp sent`.
    const notified = detail.timeline.filter((t) => t.kind === "notification").map((t) => t.summary);
    expect(notified.length).toBeGreaterThan(0);
    for (const line of notified) expect(line).toMatch(/^Notified In-app notification centre and SOC$/);

    // Undo: an admin asks, the requester cannot approve it, a second person does; the groups come back.
    expect(detail.canRelease).toBe(false); // an analyst cannot
    expect((await getIncident({ ctx: { db, principal: admin }, id: incident.id })).canRelease).toBe(true);
    await expect(
      requestRelease({
        ctx: { db, workflows: e, principal: reviewer },
        id: incident.id,
        input: { reason: "false positive" },
        approvalSeconds: 600,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await requestRelease({
      ctx: { db, workflows: e, principal: admin },
      id: incident.id,
      input: { reason: "false positive" },
      approvalSeconds: 600,
    });
    const release = await pendingReview(incident.id, "incident-release");
    await expect(
      decideReview({ ctx: { db, workflows: e, principal: admin }, id: release.id, input: { decision: "approve" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const [{ last } = { last: "0" }] = await db.query<{ last: string }>(
      "SELECT coalesce(max(id), 0) AS last FROM sim_api_calls",
    );
    await decideReview({
      ctx: { db, workflows: e, principal: admin2 },
      id: release.id,
      input: { decision: "approve" },
    });
    await e.idle();
    // The release review listed exactly the calls the approved release then made, in order.
    const made = await db.query<{ action: string }>(
      "SELECT action FROM sim_api_calls WHERE id > $1 AND params->>'instanceId' = $2 AND ok ORDER BY id",
      [last, inst.id],
    );
    expect(release.payload.proposedActions.map((a) => RELEASE_CALL[a.action])).toEqual(made.map((m) => m.action));
    expect(release.payload.proposedActions.map((a) => a.action)).toEqual([
      "Restore security groups",
      "Re-attach to Auto Scaling group",
      "Turn termination protection off",
      "Remove quarantine tag",
    ]);
    expect(await groupsOf(inst.eni)).toEqual([inst.sg]);
    const restored = await instanceRow(inst.id);
    expect(restored).toMatchObject({ asg_name: `web-asg-${inst.region}`, termination_protection: false });
    expect(restored?.tags["sightline:quarantine"]).toBeUndefined();
    expect((await getIncident({ ctx: { db, principal: admin }, id: incident.id })).incident.status).toBe("released");
    const audit = await db.query<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_log WHERE subject IN ($1, $2, $3) AND action <> 'incident.evidence_downloaded' ORDER BY id",
      [incident.id, task.id, release.id],
    );
    expect(
      (
        await db.query("SELECT 1 FROM audit_log WHERE subject = $1 AND action = 'incident.evidence_downloaded'", [
          incident.id,
        ])
      ).length,
    ).toBe(2);
    expect(audit).toEqual([
      { action: "review.approved", actor: reviewer.email },
      { action: "incident.release_requested", actor: admin.email },
      { action: "review.approved", actor: admin2.email },
    ]);
  });

  test("rejected approval: no containment call is made", async () => {
    const e = engine();
    const { world, inst } = await newInstance();
    const { finding } = await report(e, world, "Trojan:EC2/DNSDataExfiltration", 7.5);
    const incident = await incidentOf(String(finding.id));
    const task = await pendingReview(incident.id);
    await decideReview({
      ctx: { db, workflows: e, principal: reviewer },
      id: task.id,
      input: { decision: "reject", comment: "known scanner" },
    });
    await e.idle();
    expect(await calls(inst.id, "ModifyNetworkInterfaceAttribute")).toEqual([]);
    expect(await calls(inst.id, "DetachInstances")).toEqual([]);
    expect(await groupsOf(inst.eni)).toEqual([inst.sg]);
    const d = await getIncident({ ctx: { db, principal: analyst }, id: incident.id });
    expect(d.incident.status).toBe("rejected");
    // The reviewer who rejected it is on the timeline with their comment, not "system".
    const rejection = d.timeline.find((t) => t.summary.startsWith("Containment rejected"));
    expect(rejection).toMatchObject({ actor: reviewer.email, kind: "approval" });
    expect(rejection?.summary).toBe(`Containment rejected by ${reviewer.email}: “known scanner”`);
    expect(d.timeline.at(-1)?.summary).toBe("Not contained: the containment was rejected, nothing was changed");
  });

  test("isolation refused on its second step → Catch: groups restored, incident failed with the API error, notified", async () => {
    const e = engine();
    const { world, inst } = await newInstance({
      ModifyNetworkInterfaceAttribute: {
        code: "UnauthorizedOperation",
        message: "You are not authorized to perform this operation.",
        calls: [2],
      },
    });
    const { finding } = await report(e, world, "CryptoCurrency:EC2/BitcoinTool.B!DNS", 8);
    const incident = await incidentOf(String(finding.id));
    const task = await pendingReview(incident.id);
    await decideReview({ ctx: { db, workflows: e, principal: reviewer }, id: task.id, input: { decision: "approve" } });
    await e.idle();
    const moves = await calls(inst.id, "ModifyNetworkInterfaceAttribute");
    // transition ok, isolation refused, restore ok
    expect(moves.map((m) => m.ok)).toEqual([true, false, true]);
    expect(moves[2]?.params.groups).toEqual([inst.sg]);
    expect(await groupsOf(inst.eni)).toEqual([inst.sg]);
    const d = await getIncident({ ctx: { db, principal: analyst }, id: incident.id });
    expect(d.incident.status).toBe("failed");
    expect(d.incident.error).toContain("UnauthorizedOperation");
    expect(
      d.timeline.some((t) => t.step === "IsolateNetwork" && !t.ok && t.summary.includes("UnauthorizedOperation")),
    ).toBe(true);
    expect(d.timeline.some((t) => t.kind === "notification" && t.step === "failed")).toBe(true);
    expect(hook.bodies.some((b) => (b as { text: string }).text.includes("Containment FAILED"))).toBe(true);
    const [ex] = await db.query<{ status: string }>(
      "SELECT status FROM workflow_executions WHERE id = (SELECT execution_id FROM incidents WHERE id = $1)",
      [incident.id],
    );
    expect(ex?.status).toBe("FAILED");
  });

  test("isolation refused on its first step → groups never changed", async () => {
    const e = engine();
    const { world, inst } = await newInstance({
      ModifyNetworkInterfaceAttribute: { code: "UnauthorizedOperation", message: "denied", calls: "all" },
    });
    const { finding } = await report(e, world, "Backdoor:EC2/C&CActivity.B!DNS", 8.9);
    const incident = await incidentOf(String(finding.id));
    await decideReview({
      ctx: { db, workflows: e, principal: reviewer },
      id: (await pendingReview(incident.id)).id,
      input: { decision: "approve" },
    });
    await e.idle();
    expect((await calls(inst.id, "ModifyNetworkInterfaceAttribute")).map((m) => m.ok)).toEqual([false]);
    expect(await groupsOf(inst.eni)).toEqual([inst.sg]);
    expect((await getIncident({ ctx: { db, principal: analyst }, id: incident.id })).incident.status).toBe("failed");
  });

  test("access keys: approval then deactivation; root credentials never auto-act; repeats join the open incident", async () => {
    const e = engine();
    const w = makeWorld(4242);
    const user = w.users[0] as World["users"][number];
    await db.query("INSERT INTO sim_access_keys (access_key_id, user_name) VALUES ($1, $2)", [user.keyId, user.name]);
    const one = { ...w, users: [user] };
    const { finding } = await report(e, one, "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 8);
    const incident = await incidentOf(String(finding.id));
    // A second finding on the same key joins the open incident instead of a second approval.
    const task = await pendingReview(incident.id);
    const joined = await report(e, one, "AttackSequence:IAM/CompromisedCredentials", 9.2);
    for (let i = 0; i < 300; i++) {
      const [c] = await db.query<{ finding_count: number }>("SELECT finding_count FROM incidents WHERE id = $1", [
        incident.id,
      ]);
      if (c?.finding_count === 2) break;
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(
      (
        await db.query("SELECT 1 FROM review_tasks WHERE workflow = 'incident-response' AND subject = $1", [
          incident.id,
        ])
      ).length,
    ).toBe(1);
    expect((await getIncident({ ctx: { db, principal: analyst }, id: incident.id })).incident.findingCount).toBe(2);
    expect((await incidentFor(db, String(joined.finding.id)))?.id).toBe(incident.id);
    await decideReview({ ctx: { db, workflows: e, principal: reviewer }, id: task.id, input: { decision: "approve" } });
    await e.idle();
    expect(
      (
        await db.query<{ status: string }>("SELECT status FROM sim_access_keys WHERE access_key_id = $1", [user.keyId])
      )[0]?.status,
    ).toBe("Inactive");
    expect((await getIncident({ ctx: { db, principal: analyst }, id: incident.id })).incident.status).toBe("contained");

    const root = { ...w, users: [{ ...(w.users[1] as World["users"][number]), name: "Root" }] };
    const r = await report(e, root, "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 8.5);
    const rootIncident = await incidentOf(String(r.finding.id));
    await e.idle();
    const rd = await getIncident({ ctx: { db, principal: analyst }, id: rootIncident.id });
    expect(rd.incident.status).toBe("notified");
    expect(rd.proposed).toEqual([]);
    expect((await db.query("SELECT 1 FROM review_tasks WHERE subject = $1", [rootIncident.id])).length).toBe(0);
    expect(
      (await db.query("SELECT 1 FROM sim_api_calls WHERE action = 'UpdateAccessKey' AND params->>'userName' = 'Root'"))
        .length,
    ).toBe(0);
  });

  test("channels: secrets sealed at rest, never returned, webhook URLs validated, changes audited", async () => {
    const url = "https://hooks.slack.com/services/T000/B000/very-secret-token";
    await expect(
      createChannel({
        ctx: { db, principal: analyst },
        secrets: deps.notify.secrets,
        input: { kind: "slack", name: "x", webhookUrl: url },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createChannel({
        ctx: { db, principal: admin },
        secrets: deps.notify.secrets,
        input: { kind: "slack", name: "x", webhookUrl: "http://169.254.169.254/latest" },
      }),
    ).rejects.toThrow(/Slack incoming-webhook URL/);
    const { id } = await createChannel({
      ctx: { db, principal: admin },
      secrets: deps.notify.secrets,
      input: { kind: "slack", name: "SOC alerts", webhookUrl: url, minSeverity: 4 },
    });
    const [row] = await db.query<{ secret: string }>("SELECT secret FROM notification_channels WHERE id = $1", [id]);
    expect(row?.secret).not.toContain("very-secret-token");
    expect(deps.notify.secrets.open(row?.secret as string)).toEqual({ webhookUrl: url });
    const listed = await listChannels({ ctx: { db, principal: admin }, email: false });
    expect(JSON.stringify(listed)).not.toContain("very-secret-token");
    expect(listed.channels.find((c) => c.id === id)).toMatchObject({
      configured: true,
      delivery: "deliver",
      minSeverity: 4,
    });
    // A test message goes through at once and is recorded with the transport's answer.
    await expect(
      testChannel({ ctx: { db, principal: analyst }, notify: deps.notify, id: "slack-test" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    const before = hook.bodies.length;
    expect(await testChannel({ ctx: { db, principal: admin }, notify: deps.notify, id: "slack-test" })).toEqual({
      status: "sent",
      error: null,
    });
    expect(hook.bodies.length).toBe(before + 1);
    expect((hook.bodies.at(-1) as { text: string }).text).toContain("Test message from Sightline for SOC");
    // A channel whose webhook is hooks.slack.com but unreachable from here reports the failure, not success.
    const failed = await testChannel({
      ctx: { db, principal: admin },
      notify: {
        ...deps.notify,
        transport: { ...deps.notify.transport, fetch: async () => new Response("no_service", { status: 404 }) },
      },
      id,
    });
    expect(failed).toEqual({ status: "failed", error: "HTTP 404" });
    const tests = await listOutbox({ ctx: { db, principal: admin }, input: { channel: id } });
    expect(tests.items[0]).toMatchObject({ kind: "test", status: "failed", error: "HTTP 404" });
    await deleteChannel({ ctx: { db, principal: admin }, id });
    expect((await db.query("SELECT secret FROM notification_channels WHERE id = $1", [id]))[0]).toEqual({
      secret: null,
    });
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE subject = $1 ORDER BY id", [
      id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(["channel.created", "channel.tested", "channel.deleted"]);
  });

  test("a suppressed finding neither notifies nor opens an incident", async () => {
    const e = engine();
    const { world, inst } = await newInstance();
    await createSuppression({
      ctx: { db, principal: analyst },
      input: { findingType: "Trojan:EC2/*", resource: inst.id, reason: "red-team exercise" },
    });
    const before = hook.bodies.length;
    const { finding, dispatched } = await report(e, world, "Trojan:EC2/DNSDataExfiltration", 8);
    expect(dispatched).toMatchObject({ processed: 1, suppressed: 1, notified: 0, incidents: 0 });
    expect(hook.bodies.length).toBe(before);
    expect((await db.query("SELECT 1 FROM incidents WHERE finding_id = $1", [finding.id])).length).toBe(0);
    const [row] = await db.query<{ outcome: { suppressedBy: string } }>(
      "SELECT outcome FROM finding_events WHERE finding_id = $1",
      [finding.id],
    );
    expect(row?.outcome.suppressedBy).toMatch(/.+/);
    expect((await listIncidents({ ctx: { db, principal: analyst }, input: {} })).items.length).toBeGreaterThan(0);
  });
});

describe.each(DB_TARGETS)("finding storm + $name", (target) => {
  let db: PgDatabase;
  let lakeRoot: string;
  let hook: Awaited<ReturnType<typeof webhookServer>>;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    hook = await webhookServer();
    lakeRoot = tempDir("storm-lake");
  });
  afterAll(async () => {
    hook?.close();
    await db?.close();
  });

  test("1,000 findings within a minute: each channel sends at most its limit plus one digest; every finding stays visible", async () => {
    const secrets = SecretBox.fromBase64(randomBytes(32).toString("base64url"));
    await db.query(
      `INSERT INTO notification_channels (id, kind, name, min_severity, rate_limit, window_seconds, secret, created_by)
       VALUES ('slack-soc', 'slack', 'SOC', 2, 10, 600, $1, 'test'), ('tg-oncall', 'telegram', 'On call', 2, 5, 600, NULL, 'test')`,
      [secrets.seal({ webhookUrl: hook.url })],
    );
    await db.query("UPDATE notification_channels SET settings = '{\"chatId\": \"-100123\"}' WHERE id = 'tg-oncall'");
    const notify: NotifyDeps = {
      db,
      secrets,
      transport: { appUrl: null, telegramApiBase: "http://127.0.0.1:9", email: null, emailFrom: "x@example.com" },
    };
    // 1,000 distinct medium/low findings across the demo estate, all within the last minute.
    const r = new Random(99);
    const w = makeWorld(99);
    const now = Date.now();
    const lines = Array.from({ length: 1000 }, (_, i) => {
      const f = guardDutyFinding(r, w, now - 60_000 + i * 50, {
        spec: spec(i % 2 ? "UnauthorizedAccess:EC2/TorClient" : "Recon:EC2/PortProbeUnprotectedPort"),
        severity: i % 2 ? 5 : 3,
      });
      return JSON.stringify(f);
    });
    const raw = tempDir("storm-raw");
    const key = "AWSLogs/444455556666/GuardDuty/us-east-1/2026/11/23/storm.jsonl.gz";
    fs.mkdirSync(path.dirname(path.join(raw, key)), { recursive: true });
    fs.writeFileSync(path.join(raw, key), gzipSync(`${lines.join("\n")}\n`));
    const writer = await DuckDbParquetWriter.create({ threads: 1 });
    const etl = await runLakeEtl({
      db,
      lake: new FsObjectStore(lakeRoot),
      writer,
      stagingRoot: path.join(lakeRoot, ".staging"),
      trigger: "test",
      objects: [
        {
          key,
          size: 1,
          etag: "1",
          read: async () => fs.readFileSync(path.join(raw, key)),
        },
      ],
    });
    writer.close();
    expect(etl.rows.findings).toBe(1000);
    const workflows = new LocalWorkflowEngine(db, {});
    const s = await dispatchFindingEvents({ db, workflows, notify, threshold: 7, startIncidents: true });
    expect(s).toMatchObject({ processed: 1000, notified: 1000, incidents: 0, digests: 2 });
    // A second pass in the same window sends nothing more (nothing new, and at most one digest per window).
    expect(await dispatchFindingEvents({ db, workflows, notify, threshold: 7, startIncidents: true })).toMatchObject({
      processed: 0,
      digests: 0,
    });

    const { totals: slack } = await listOutbox({ ctx: { db, principal: admin }, input: { channel: "slack-soc" } });
    expect(slack).toMatchObject({ total: 1001, sent: 11, digested: 990 });
    expect(hook.bodies).toHaveLength(11);
    const digest = hook.bodies.at(-1) as { text: string };
    expect(digest.text).toContain("990 more notifications held by the rate limit");
    const { totals: tg } = await listOutbox({ ctx: { db, principal: admin }, input: { channel: "tg-oncall" } });
    expect(tg).toMatchObject({ total: 1001, outbox: 6, digested: 995 });
    // Severity 3 findings are below the in-app centre's threshold; the severity 5 ones meet it, and
    // all of them are shown there: the rate limit and digests are for outward channels only.
    const { totals: inapp } = await listOutbox({ ctx: { db, principal: admin }, input: { channel: "inapp" } });
    expect(inapp).toMatchObject({ total: 500, sent: 500, held: 0, digested: 0 });

    // Re-processing the same object raises nothing new, so nothing is notified twice.
    const writer2 = await DuckDbParquetWriter.create({ threads: 1 });
    await runLakeEtl({
      db,
      lake: new FsObjectStore(lakeRoot),
      writer: writer2,
      stagingRoot: path.join(lakeRoot, ".staging"),
      trigger: "test",
      objects: [{ key, size: 1, etag: "1", read: async () => fs.readFileSync(path.join(raw, key)) }],
    });
    writer2.close();
    expect((await dispatchFindingEvents({ db, workflows, notify, threshold: 7, startIncidents: true })).processed).toBe(
      0,
    );

    // Every finding is still in the app.
    const lake = await DuckDbLakeQuery.open(lakeRoot);
    try {
      const page = await listFindings({
        ctx: { db, lake, principal: analyst },
        input: { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() },
      });
      expect(page.facets.severity.reduce((a, f) => a + f.count, 0)).toBe(1000);
    } finally {
      await lake.close();
    }
  });
});
