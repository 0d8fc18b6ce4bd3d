import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import { deleteSavedView, listSavedViews, saveView } from "./saved-views";

const ana: Principal = { id: "u1", email: "analyst@sightline.local", roles: ["analysts"] };
const bob: Principal = { id: "u4", email: "bob@sightline.local", roles: ["analysts"] };
const reviewer: Principal = { id: "u2", email: "reviewer@sightline.local", roles: ["reviewers"] };

describe.each(DB_TARGETS)("saved findings views on $name", (target) => {
  let db: PgDatabase;
  const ctx = (principal: Principal) => ({ db, principal });
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  test("each person lists their own views; the page cursor is not kept; a name in use is replaced", async () => {
    await saveView({ ctx: ctx(ana), input: { name: "Critical open", query: "?severity=5&cursor=abc" } });
    await saveView({ ctx: ctx(ana), input: { name: "alice", query: "q=alice&status=all" } });
    await saveView({ ctx: ctx(bob), input: { name: "Mine", query: "severity=4" } });
    const replaced = await saveView({
      ctx: ctx(ana),
      input: { name: "Critical open", query: "severity=5&severity=4" },
    });
    expect(replaced.view.query).toBe("severity=5&severity=4");

    const mine = await listSavedViews({ ctx: ctx(ana) });
    expect(mine.views.map((v) => [v.name, v.query])).toEqual([
      ["alice", "q=alice&status=all"],
      ["Critical open", "severity=5&severity=4"],
    ]);
    expect((await listSavedViews({ ctx: ctx(bob) })).views.map((v) => v.name)).toEqual(["Mine"]);
  });

  test("only the owner deletes a view; another person's is not found", async () => {
    const [view] = (await listSavedViews({ ctx: ctx(bob) })).views;
    await expect(deleteSavedView({ ctx: ctx(ana), id: view?.id ?? "" })).rejects.toMatchObject({ code: "not_found" });
    await deleteSavedView({ ctx: ctx(bob), id: view?.id ?? "" });
    expect((await listSavedViews({ ctx: ctx(bob) })).views).toEqual([]);
  });

  test("a query that is not a findings filter, or no name, is refused in people's words", async () => {
    await expect(saveView({ ctx: ctx(ana), input: { name: "x", query: "foo=1" } })).rejects.toThrow(
      /not a findings filter/,
    );
    await expect(saveView({ ctx: ctx(ana), input: { name: " ", query: "severity=5" } })).rejects.toThrow(
      /Give the view a name/,
    );
  });

  test("a wrong role is refused by every verb", async () => {
    const r = ctx(reviewer);
    await expect(listSavedViews({ ctx: r })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveView({ ctx: r, input: { name: "x", query: "" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteSavedView({ ctx: r, id: "x" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
