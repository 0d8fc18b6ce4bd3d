import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import { bulkTriage } from "./bulk-triage";
import { historyFor, triageFor } from "./triage-store";

const analyst: Principal = { id: "u1", email: "analyst@sightline.local", roles: ["analysts"] };
const admin: Principal = { id: "u3", email: "admin@sightline.local", roles: ["admins"] };
const reviewer: Principal = { id: "u2", email: "reviewer@sightline.local", roles: ["reviewers"] };

describe.each(DB_TARGETS)("bulkTriage on $name", (target) => {
  let db: PgDatabase;
  const ctx = (principal: Principal | null) => ({ db, principal });
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  test("sets the status and assignee of every selected finding, one audit entry each, marked bulk", async () => {
    const ids = ["f-1", "f-2", "f-3", "f-2"];
    const res = await bulkTriage({
      ctx: ctx(analyst),
      input: { ids, status: "in_progress", assignee: analyst.email },
    });
    expect(res).toEqual({ ok: true, updated: 3 });
    const rows = await triageFor(db, ["f-1", "f-2", "f-3"]);
    expect([...rows.values()].map((r) => [r.status, r.assignee])).toEqual([
      ["in_progress", analyst.email],
      ["in_progress", analyst.email],
      ["in_progress", analyst.email],
    ]);
    const history = await historyFor(db, "f-2");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      actor: analyst.email,
      action: "finding.status",
      detail: { before: { status: "new" }, after: { status: "in_progress", assignee: analyst.email }, bulk: 3 },
    });
  });

  test("suppressing needs a reason, which each finding keeps; an admin may do it", async () => {
    await expect(bulkTriage({ ctx: ctx(admin), input: { ids: ["f-1"], status: "suppressed" } })).rejects.toThrow(
      /Say why/,
    );
    await bulkTriage({ ctx: ctx(admin), input: { ids: ["f-1", "f-3"], status: "suppressed", reason: "Pen test" } });
    const rows = await triageFor(db, ["f-1", "f-3"]);
    expect([...rows.values()].map((r) => [r.status, r.reason, r.assignee])).toEqual([
      ["suppressed", "Pen test", analyst.email],
      ["suppressed", "Pen test", analyst.email],
    ]);
    expect((await historyFor(db, "f-3")).at(-1)?.reason).toBe("Pen test");
  });

  test("a wrong role or no session changes nothing", async () => {
    await expect(
      bulkTriage({ ctx: ctx(reviewer), input: { ids: ["f-1", "f-9"], status: "resolved" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(bulkTriage({ ctx: ctx(null), input: { ids: ["f-9"], status: "resolved" } })).rejects.toMatchObject({
      code: "unauthorized",
    });
    expect((await triageFor(db, ["f-1"])).get("f-1")?.status).toBe("suppressed");
    expect((await triageFor(db, ["f-9"])).size).toBe(0);
    expect(await historyFor(db, "f-9")).toEqual([]);
  });

  test("nothing to change, or no finding selected, is refused in people's words", async () => {
    await expect(bulkTriage({ ctx: ctx(analyst), input: { ids: ["f-1"] } })).rejects.toThrow(
      /Choose a status or an assignee/,
    );
    await expect(bulkTriage({ ctx: ctx(analyst), input: { ids: [], status: "resolved" } })).rejects.toThrow(
      /Select at least one finding/,
    );
  });
});
