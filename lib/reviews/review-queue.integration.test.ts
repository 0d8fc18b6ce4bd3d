import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import { claimReview } from "./claim-review";
import { commentOnReview } from "./comment-review";
import { listReviewComments } from "./list-review-comments";
import { listReviews } from "./list-reviews";
import { type NewReviewTask, registerReviewTask } from "./review-store";

const alice: Principal = { id: "u1", email: "alice@example.com", roles: ["reviewers"] };
const bob: Principal = { id: "u2", email: "bob@example.com", roles: ["admins"] };
const analyst: Principal = { id: "u3", email: "analyst@example.com", roles: ["analysts"] };

describe.each(DB_TARGETS)("review queue and comments on $name", (target) => {
  let db: PgDatabase;
  let n = 0;
  const add = async (over: Partial<NewReviewTask>) => {
    const t: NewReviewTask = {
      executionId: "exec-q",
      workflow: "application-review",
      state: "PendingReview",
      token: `tok-${++n}`,
      subject: `subj-${n}`,
      title: `Item ${n}`,
      payload: {},
      reasons: [],
      stateInput: {},
      submittedBy: null,
      dueInSeconds: 3600 * n,
      ...over,
    };
    await registerReviewTask(db, t);
    const [row] = await db.query<{ id: string }>("SELECT id FROM review_tasks WHERE token = $1", [t.token]);
    return row?.id ?? "";
  };
  const list = async (input: Record<string, string>, who: Principal = alice) =>
    (await listReviews({ ctx: { db, principal: who }, input })).items.map((i) => i.title);
  let app = "";
  let screened = "";
  let containment = "";

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    await db.query(
      "INSERT INTO workflow_executions (id, workflow, input) VALUES ('exec-q', 'application-review', '{}')",
    );
    app = await add({ title: "Plain application" });
    screened = await add({ title: "Screened application", reasons: [{ rule: "name.denylist", message: "hit" }] });
    containment = await add({
      title: "Contain i-1",
      workflow: "incident-response",
      state: "RequestApproval",
      payload: { finding: { severity: 8 } },
    });
    await claimReview({ ctx: { db, principal: alice }, id: screened, claim: true });
    await claimReview({ ctx: { db, principal: bob }, id: containment, claim: true });
  });
  afterAll(async () => db?.close());

  test("a new item gets its queue and priority; the summary carries them", async () => {
    const { items } = await listReviews({ ctx: { db, principal: alice }, input: {} });
    expect(items.map((i) => [i.title, i.candidateGroup, i.priority])).toEqual([
      ["Plain application", "compliance", 50],
      ["Screened application", "compliance", 75],
      ["Contain i-1", "security-oncall", 90],
    ]);
  });

  test("filters by assignee (me, unclaimed, someone) and by candidate group; sorts by priority", async () => {
    expect(await list({ assignee: "me" })).toEqual(["Screened application"]);
    expect(await list({ assignee: "none" })).toEqual(["Plain application"]);
    expect(await list({ assignee: "BOB@example.com" })).toEqual(["Contain i-1"]);
    expect(await list({ group: "security-oncall" })).toEqual(["Contain i-1"]);
    expect(await list({ group: "compliance", assignee: "me" })).toEqual(["Screened application"]);
    expect(await list({ sort: "priority" })).toEqual(["Contain i-1", "Screened application", "Plain application"]);
    const { assignees } = await listReviews({ ctx: { db, principal: alice }, input: {} });
    expect(assignees).toEqual(["alice@example.com", "bob@example.com"]);
  });

  test("a comment joins the item's thread in order, with its author, and is audited", async () => {
    await commentOnReview({ ctx: { db, principal: alice }, id: app, input: { body: "  Checking the address  " } });
    await commentOnReview({ ctx: { db, principal: bob }, id: app, input: { body: "Postcode is valid" } });
    const { comments } = await listReviewComments({ ctx: { db, principal: bob }, id: app });
    expect(comments.map((c) => [c.author, c.body])).toEqual([
      ["alice@example.com", "Checking the address"],
      ["bob@example.com", "Postcode is valid"],
    ]);
    const audit = await db.query<{ actor: string; reason: string }>(
      "SELECT actor, reason FROM audit_log WHERE action = 'review.comment' AND subject = $1 ORDER BY id",
      [app],
    );
    expect(audit).toEqual([
      { actor: "alice@example.com", reason: "Checking the address" },
      { actor: "bob@example.com", reason: "Postcode is valid" },
    ]);
    expect((await listReviewComments({ ctx: { db, principal: alice }, id: screened })).comments).toEqual([]);
  });

  test("wrong role, no session, unknown item and an empty comment are refused; nothing is stored", async () => {
    const before = await db.query("SELECT 1 FROM review_comments");
    await expect(
      commentOnReview({ ctx: { db, principal: analyst }, id: app, input: { body: "hi" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listReviewComments({ ctx: { db, principal: analyst }, id: app })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      commentOnReview({ ctx: { db, principal: null }, id: app, input: { body: "hi" } }),
    ).rejects.toMatchObject({ code: "unauthorized" });
    await expect(
      commentOnReview({ ctx: { db, principal: alice }, id: "rev-missing", input: { body: "hi" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(commentOnReview({ ctx: { db, principal: alice }, id: app, input: { body: "   " } })).rejects.toThrow(
      /Write a comment first/,
    );
    expect(await db.query("SELECT 1 FROM review_comments")).toHaveLength(before.length);
    await expect(list({}, analyst)).rejects.toMatchObject({ code: "forbidden" });
  });
});
