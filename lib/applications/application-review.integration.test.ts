import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type Bindings, LocalWorkflowEngine } from "@/lib/adapters/local/local-workflow-engine";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { decideMany } from "@/lib/reviews/decide-many";
import { decideReview } from "@/lib/reviews/decide-review";
import { findTask } from "@/lib/reviews/review-store";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import { applicationReviewHandlers } from "./application-review-handlers";
import { type Denylist, ValidatorUnavailable } from "./rules";
import { submitApplication } from "./submit-application";

const reviewer: Principal = { id: "r1", email: "reviewer@sightline.local", roles: ["reviewers"] };
const analyst: Principal = { id: "a1", email: "analyst@sightline.local", roles: ["analysts"] };
const clean = {
  name: "Ada Lovelace",
  address: { line1: "12 St James's Square", city: "London", postcode: "SW1Y 4JH", country: "GB" },
};
const flagged = { ...clean, name: "Mallory Blacklisted" };
const denylist: Denylist = { entries: async () => ["Mallory Blacklisted"] };

describe.each(DB_TARGETS)("application-review workflow on the local engine + $name", (target) => {
  let db: PgDatabase;
  const engines: LocalWorkflowEngine[] = [];
  const engine = (deps: Partial<{ denylist: Denylist }> = {}, wrap?: (b: Bindings) => Bindings) => {
    const bindings: Bindings = {
      "application-review": applicationReviewHandlers({ db, denylist: deps.denylist ?? denylist }),
    };
    const e = new LocalWorkflowEngine(db, wrap ? wrap(bindings) : bindings);
    engines.push(e);
    return e;
  };
  const submit = (e: LocalWorkflowEngine, input: unknown, slaSeconds = 3600, submitter = "applicant@example.com") =>
    submitApplication({ ctx: { db, workflows: e, submitter, slaSeconds }, input });
  const pendingTaskFor = async (applicationId: string) => {
    for (let i = 0; i < 200; i++) {
      const [t] = await db.query<{ id: string }>(
        "SELECT id FROM review_tasks WHERE subject = $1 AND status = 'pending'",
        [applicationId],
      );
      if (t) return t.id;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("no pending review appeared");
  };
  const status_ = async (applicationId: string) =>
    (await db.query<{ status: string }>("SELECT status FROM applications WHERE id = $1", [applicationId]))[0]?.status;
  const status = async (applicationId: string) =>
    (await db.query<{ status: string }>("SELECT status FROM applications WHERE id = $1", [applicationId]))[0]?.status;

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.stop();
  });
  afterAll(async () => db?.close());

  test("a clean application is approved without review", async () => {
    const e = engine();
    const { applicationId, executionId } = await submit(e, clean);
    await e.idle();
    expect(await status(applicationId)).toBe("approved");
    const ex = await e.describe(executionId as string);
    expect(ex.status).toBe("SUCCEEDED");
    expect(ex.output).toMatchObject({ outcome: { status: "approved", decidedBy: "system" } });
    expect((await db.query("SELECT 1 FROM review_tasks WHERE subject = $1", [applicationId])).length).toBe(0);
    const states = (await e.history(executionId as string))
      .filter((h) => h.type === "StateEntered")
      .map((h) => h.state);
    expect(states).toEqual(
      expect.arrayContaining([
        "ValidateApplication",
        "ValidateName",
        "ValidateAddress",
        "IsFlagged",
        "AutoApproved",
        "RecordOutcome",
      ]),
    );
  });

  test("flagged → pending with the rules that flagged → approve → SUCCEEDED with the decision in its output", async () => {
    const e = engine();
    const { applicationId, executionId } = await submit(e, flagged);
    const taskId = await pendingTaskFor(applicationId);
    const task = await findTask(db, taskId);
    expect(task?.reasons.map((r) => r.rule)).toContain("name.denylist");
    expect(await status(applicationId)).toBe("in_review");
    const res = await decideReview({
      ctx: { db, workflows: e, principal: reviewer },
      id: taskId,
      input: { decision: "approve", comment: "known customer" },
    });
    expect(res.review).toMatchObject({ status: "approved", decidedBy: reviewer.email });
    expect(JSON.stringify(res)).not.toContain(task?.token ?? "no-token");
    await e.idle();
    const ex = await e.describe(executionId as string);
    expect(ex.status).toBe("SUCCEEDED");
    expect(ex.output).toMatchObject({
      decision: { decidedBy: reviewer.email, comment: "known customer" },
      outcome: { status: "approved" },
    });
    expect(await status(applicationId)).toBe("approved");
  });

  test("reject → Rejected path with the reason; a rejection without a comment is refused", async () => {
    const e = engine();
    const { applicationId, executionId } = await submit(e, flagged);
    const taskId = await pendingTaskFor(applicationId);
    await expect(
      decideReview({ ctx: { db, workflows: e, principal: reviewer }, id: taskId, input: { decision: "reject" } }),
    ).rejects.toThrow(/comment/);
    await decideReview({
      ctx: { db, workflows: e, principal: reviewer },
      id: taskId,
      input: { decision: "reject", comment: "screening hit confirmed" },
    });
    await e.idle();
    expect((await e.describe(executionId as string)).output).toMatchObject({
      outcome: { status: "rejected", reason: "screening hit confirmed" },
    });
    expect(await status(applicationId)).toBe("rejected");
  });

  test("no decision within the SLA → Expired path; a late decision gets 410", async () => {
    const e = engine();
    const { applicationId, executionId } = await submit(e, flagged, 1);
    const taskId = await pendingTaskFor(applicationId);
    await e.idle();
    expect((await e.describe(executionId as string)).output).toMatchObject({ outcome: { status: "expired" } });
    expect(await status(applicationId)).toBe("expired");
    await expect(
      decideReview({ ctx: { db, workflows: e, principal: reviewer }, id: taskId, input: { decision: "approve" } }),
    ).rejects.toMatchObject({ code: "gone" });
  });

  test("a transient validator failure is retried (with its real backoff) and then succeeds", async () => {
    let calls = 0;
    const flaky: Denylist = {
      entries: async () => {
        calls++;
        if (calls === 1) throw new ValidatorUnavailable("screening list unreachable");
        return [];
      },
    };
    const e = engine({ denylist: flaky });
    const t0 = Date.now();
    const { applicationId, executionId } = await submit(e, clean);
    await e.idle();
    expect(calls).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(0); // FULL jitter may wait anywhere in [0, 1 s]
    expect(await status(applicationId)).toBe("approved");
    const retried = (await e.history(executionId as string)).filter((h) => h.type === "StateRetried");
    expect(retried.map((h) => h.state)).toEqual(["ValidateName"]);
  });

  test("a permanent failure is caught, recorded on the application, and the execution FAILS", async () => {
    const broken = async (): Promise<never> => {
      throw Object.assign(new Error("address service returned garbage"), { name: "AddressServiceBroken" });
    };
    const e = engine({}, (b) => ({
      "application-review": { ...b["application-review"], ["ValidateAddress"]: broken },
    }));
    const { applicationId, executionId } = await submit(e, clean);
    await e.idle();
    const ex = await e.describe(executionId as string);
    expect(ex.status).toBe("FAILED");
    expect(ex.error).toBe("ApplicationReviewFailed");
    const [app] = await db.query<{ status: string; outcome: { error: string } }>(
      "SELECT status, outcome FROM applications WHERE id = $1",
      [applicationId],
    );
    expect(app?.status).toBe("failed");
    expect(
      (await e.history(executionId as string)).some((h) => h.state === "RecordFailure" && h.type === "StateEntered"),
    ).toBe(true);
  });

  test("a pending review survives an engine restart and still completes its workflow when decided", async () => {
    const first = engine();
    const { applicationId, executionId } = await submit(first, flagged);
    const taskId = await pendingTaskFor(applicationId);
    await first.stop(); // the process goes away: the execution stays RUNNING in the database
    expect((await first.describe(executionId as string)).status).toBe("RUNNING");

    const second = engine();
    expect(await second.resumeAll()).toBeGreaterThanOrEqual(1);
    await decideReview({
      ctx: { db, workflows: second, principal: reviewer },
      id: taskId,
      input: { decision: "approve", comment: "after restart" },
    });
    await second.idle();
    expect((await second.describe(executionId as string)).status).toBe("SUCCEEDED");
    expect(await status(applicationId)).toBe("approved");
  });

  test("restart of the real process: a flagged application's execution, killed mid-wait, completes after a new process resumes it", async () => {
    const children: ChildProcess[] = [];
    const spawnEngine = (submitName: string) =>
      new Promise<{ child: ChildProcess; lines: Record<string, unknown>[] }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", path.resolve("test/support/workflow-process.ts"), db.url, db.schema ?? "-", submitName],
          { stdio: ["ignore", "pipe", "inherit"] },
        );
        children.push(child);
        const lines: Record<string, unknown>[] = [];
        let buf = "";
        child.stdout?.on("data", (d: Buffer) => {
          buf += d.toString();
          for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
            lines.push(JSON.parse(buf.slice(0, i)) as Record<string, unknown>);
            buf = buf.slice(i + 1);
            if (submitName === "-" || lines.length >= 2) resolve({ child, lines });
          }
        });
        child.on("exit", (code) => reject(new Error(`engine process exited with ${code}`)));
      });
    try {
      const a = await spawnEngine("Mallory Blacklisted");
      const { applicationId, executionId } = a.lines[1] as { applicationId: string; executionId: string };
      const taskId = await pendingTaskFor(applicationId);
      a.child.kill("SIGKILL");
      await new Promise((r) => a.child.once("exit", r));
      const [running] = await db.query<{ status: string }>("SELECT status FROM workflow_executions WHERE id = $1", [
        executionId,
      ]);
      expect(running?.status).toBe("RUNNING");

      const b = await spawnEngine("-");
      expect(b.lines[0]).toMatchObject({ resumed: expect.any(Number) });
      // The decision comes from this (test) process, as it would from the web server.
      const here = engine();
      await decideReview({
        ctx: { db, workflows: here, principal: reviewer },
        id: taskId,
        input: { decision: "approve", comment: "after a real restart" },
      });
      let status = "RUNNING";
      // Waits as long as the machine needs (the hang guard is the suite timeout).
      for (let i = 0; i < 6000 && status === "RUNNING"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status =
          (await db.query<{ status: string }>("SELECT status FROM workflow_executions WHERE id = $1", [executionId]))[0]
            ?.status ?? "";
      }
      expect(status).toBe("SUCCEEDED");
      expect(await status_(applicationId)).toBe("approved");
    } finally {
      for (const c of children) c.kill("SIGKILL");
    }
  });

  test("40 concurrent decisions on 40 different tasks all succeed and every execution completes", async () => {
    const e = engine();
    const apps = await Promise.all(
      Array.from({ length: 40 }, (_, i) => submit(e, { ...flagged, reference: `bulk-${target.name}-${i}` })),
    );
    const tasks = await Promise.all(apps.map((a) => pendingTaskFor(a.applicationId)));
    const results = await Promise.allSettled(
      tasks.map((id, i) =>
        decideReview({
          ctx: { db, workflows: e, principal: reviewer },
          id,
          input: i % 2 ? { decision: "approve" } : { decision: "reject", comment: "no" },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(40);
    await e.idle();
    const done = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM workflow_executions WHERE id = ANY($1) AND status = 'SUCCEEDED'",
      [apps.map((a) => a.executionId)],
    );
    expect(Number(done[0]?.n)).toBe(40);
  });

  test("a decision made while no engine was waiting is picked up when the engine re-enters", async () => {
    const first = engine();
    const { applicationId, executionId } = await submit(first, flagged);
    const taskId = await pendingTaskFor(applicationId);
    await first.stop();
    await decideReview({
      ctx: { db, workflows: first, principal: reviewer },
      id: taskId,
      input: { decision: "reject", comment: "decided while down" },
    });
    const second = engine();
    await second.resumeAll();
    await second.idle();
    expect((await second.describe(executionId as string)).output).toMatchObject({ outcome: { status: "rejected" } });
  });

  test("20 simultaneous decisions on one task: one wins, 19 get 409 naming the winner", async () => {
    const e = engine();
    const { applicationId } = await submit(e, flagged);
    const taskId = await pendingTaskFor(applicationId);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        decideReview({
          ctx: {
            db,
            workflows: e,
            principal: { id: `r${i}`, email: `reviewer${i}@sightline.local`, roles: ["reviewers"] },
          },
          id: taskId,
          input: { decision: "approve" },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(lost).toHaveLength(19);
    expect(
      lost.every((r) => r.reason.code === "conflict" && /Already approved by reviewer\d+@/.test(r.reason.message)),
    ).toBe(true);
    await e.idle();
  });

  test("role and separation of duties: analysts get 403; the submitter cannot decide their own item", async () => {
    const e = engine();
    const { applicationId } = await submit(e, flagged, 3600, reviewer.email);
    const taskId = await pendingTaskFor(applicationId);
    await expect(
      decideReview({ ctx: { db, workflows: e, principal: analyst }, id: taskId, input: { decision: "approve" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      decideReview({ ctx: { db, workflows: e, principal: reviewer }, id: taskId, input: { decision: "approve" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  test("bulk decisions answer per item: decided, already decided (409), unknown (404)", async () => {
    const e = engine();
    const a = await submit(e, { ...flagged, reference: `bulk-a-${target.name}` });
    const b = await submit(e, { ...flagged, reference: `bulk-b-${target.name}` });
    const [ta, tb] = [await pendingTaskFor(a.applicationId), await pendingTaskFor(b.applicationId)];
    await decideReview({ ctx: { db, workflows: e, principal: reviewer }, id: tb, input: { decision: "approve" } });
    const other: Principal = { id: "r2", email: "reviewer2@sightline.local", roles: ["reviewers"] };
    const { results } = await decideMany({
      ctx: { db, workflows: e, principal: other },
      input: { ids: [ta, tb, "rev-missing"], decision: "reject", comment: "batch" },
    });
    expect(results.map((r) => [r.id, r.ok, r.status])).toEqual([
      [ta, true, 200],
      [tb, false, 409],
      ["rev-missing", false, 404],
    ]);
    await e.idle();
  });

  test("re-submitting the same reference does not start a second review", async () => {
    const e = engine();
    const a = await submit(e, { ...clean, reference: "crm-42" });
    const b = await submit(e, { ...clean, reference: "crm-42" });
    expect(b).toMatchObject({ applicationId: a.applicationId, duplicate: true });
    await e.idle();
  });
});
