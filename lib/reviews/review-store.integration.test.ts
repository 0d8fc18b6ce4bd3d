import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { DB_TARGETS } from "@/test/support/databases";
import {
  closePendingReviews,
  expirePendingReviews,
  findTask,
  listPendingReviews,
  type NewReviewTask,
  registerReviewTask,
} from "./review-store";

describe.each(DB_TARGETS)("review store on $name", (target) => {
  let db: PgDatabase;
  let n = 0;
  const task = (subject: string, over: Partial<NewReviewTask> = {}): NewReviewTask => ({
    executionId: "exec-1",
    workflow: "incident-response",
    state: "RequestApproval",
    token: `token-${++n}`,
    subject,
    title: `Approval ${n}`,
    payload: {},
    reasons: [],
    stateInput: {},
    submittedBy: null,
    dueInSeconds: 3600,
    ...over,
  });
  const statuses = async (subject: string) =>
    (
      await db.query<{ status: string }>("SELECT status FROM review_tasks WHERE subject = $1 ORDER BY status", [
        subject,
      ])
    ).map((r) => r.status);

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    await db.query(
      "INSERT INTO workflow_executions (id, workflow, input) VALUES ('exec-1', 'incident-response', '{}')",
    );
  });
  afterAll(async () => db?.close());

  test("registering the same token twice creates one review item", async () => {
    const t = task("inc-register");
    expect(await registerReviewTask(db, t)).toBe(true);
    expect(await registerReviewTask(db, { ...t, title: "again" })).toBe(false);
    expect(await listPendingReviews(db, "inc-register")).toEqual([{ id: expect.any(String), title: t.title }]);
  });

  test("pending items of a subject are listed oldest first, without decided ones or other subjects", async () => {
    const first = task("inc-list");
    const second = task("inc-list");
    await registerReviewTask(db, first);
    await registerReviewTask(db, second);
    await registerReviewTask(db, task("inc-other"));
    const [decided] = await db.query<{ id: string }>(
      "UPDATE review_tasks SET status = 'approved' WHERE token = $1 RETURNING id",
      [first.token],
    );
    const pending = await listPendingReviews(db, "inc-list");
    expect(pending.map((r) => r.title)).toEqual([second.title]);
    expect((await findTask(db, decided?.id ?? ""))?.status).toBe("approved");
  });

  test("closing a failed subject's reviews closes only its pending items, unaudited", async () => {
    const decided = task("inc-close");
    await registerReviewTask(db, decided);
    await registerReviewTask(db, task("inc-close"));
    await registerReviewTask(db, task("inc-keep"));
    await db.query("UPDATE review_tasks SET status = 'rejected' WHERE token = $1", [decided.token]);
    await closePendingReviews(db, "inc-close");
    expect(await statuses("inc-close")).toEqual(["closed", "rejected"]);
    expect(await statuses("inc-keep")).toEqual(["pending"]);
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'review.closed'")).toHaveLength(0);
  });

  test("expiring a subject's reviews marks its pending items of that workflow expired and audits each", async () => {
    await registerReviewTask(db, task("inc-expire"));
    await registerReviewTask(db, task("inc-expire", { workflow: "incident-release" }));
    await expirePendingReviews(db, "inc-expire", "incident-response");
    expect(await statuses("inc-expire")).toEqual(["expired", "pending"]);
    const audited = await db.query<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'review.expired'");
    expect(audited).toEqual([{ actor: "system" }]);
  });
});
