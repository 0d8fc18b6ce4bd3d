import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import { deleteSavedFunnel, getSavedFunnel, listSavedFunnels, renameSavedFunnel, saveFunnel } from "./saved-funnels";

const ada: Principal = { id: "u1", email: "ada@sightline.local", roles: ["admins"] };
const bob: Principal = { id: "u2", email: "bob@sightline.local", roles: ["admins"] };
const analyst: Principal = { id: "u3", email: "analyst@sightline.local", roles: ["analysts"] };
const definition = {
  steps: [{ event: "page_view" }, { event: "purchase" }],
  windowMinutes: 30,
  from: "2026-12-01T00:00:00.000Z",
  to: "2026-12-02T00:00:00.000Z",
};

describe.each(DB_TARGETS)("saved funnels on $name", (target) => {
  let db: PgDatabase;
  const ctx = (principal: Principal) => ({ db, principal });
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  const audit = async (subject: string) =>
    (
      await db.query<{ actor: string; action: string; detail: Record<string, unknown> }>(
        "SELECT actor, action, detail FROM audit_log WHERE subject = $1 ORDER BY id",
        [subject],
      )
    ).map((r) => [r.actor, r.action, r.detail]);

  test("the owner renames and then deletes a saved funnel; both are audited", async () => {
    const saved = await saveFunnel({ ctx: ctx(ada), input: { name: "Checkout", definition } });
    const renamed = await renameSavedFunnel({ ctx: ctx(ada), id: saved.id, name: "Checkout (shoes)" });
    expect(renamed).toMatchObject({ id: saved.id, name: "Checkout (shoes)", createdBy: ada.email });
    expect((await getSavedFunnel({ ctx: ctx(bob), id: saved.id })).name).toBe("Checkout (shoes)");

    await deleteSavedFunnel({ ctx: ctx(ada), id: saved.id });
    expect((await listSavedFunnels({ ctx: ctx(ada) })).map((s) => s.id)).not.toContain(saved.id);
    await expect(getSavedFunnel({ ctx: ctx(ada), id: saved.id })).rejects.toMatchObject({ code: "not_found" });
    const trail = await audit(saved.id);
    expect(trail.map(([actor, action]) => [actor, action])).toEqual([
      [ada.email, "funnel.saved"],
      [ada.email, "funnel.renamed"],
      [ada.email, "funnel.deleted"],
    ]);
    expect(trail[1]?.[2]).toEqual({ from: "Checkout", to: "Checkout (shoes)" });
    expect(trail[2]?.[2]).toMatchObject({ name: "Checkout (shoes)" });
  });

  test("another admin may open a shared funnel but not rename or delete it; nothing changes", async () => {
    const saved = await saveFunnel({ ctx: ctx(ada), input: { name: "Ada's funnel", definition } });
    await expect(renameSavedFunnel({ ctx: ctx(bob), id: saved.id, name: "Mine now" })).rejects.toMatchObject({
      code: "forbidden",
      message: `Only ${ada.email}, who saved this funnel, can rename or delete it`,
    });
    await expect(deleteSavedFunnel({ ctx: ctx(bob), id: saved.id })).rejects.toMatchObject({ code: "forbidden" });
    expect((await getSavedFunnel({ ctx: ctx(bob), id: saved.id })).name).toBe("Ada's funnel");
    expect((await audit(saved.id)).map(([, action]) => action)).toEqual(["funnel.saved"]);
  });

  test("a funnel that is not there is not found; a non-admin is refused by both verbs", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(renameSavedFunnel({ ctx: ctx(ada), id: missing, name: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteSavedFunnel({ ctx: ctx(ada), id: missing })).rejects.toMatchObject({ code: "not_found" });
    const saved = await saveFunnel({ ctx: ctx(ada), input: { name: "Kept", definition } });
    await expect(renameSavedFunnel({ ctx: ctx(analyst), id: saved.id, name: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deleteSavedFunnel({ ctx: ctx(analyst), id: saved.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteSavedFunnel({ ctx: { db, principal: null }, id: saved.id })).rejects.toMatchObject({
      code: "unauthorized",
    });
    expect((await getSavedFunnel({ ctx: ctx(ada), id: saved.id })).name).toBe("Kept");
  });
});
