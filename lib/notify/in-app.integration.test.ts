import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import type { NotifyDeps } from "./channel-rows";
import { listOutbox } from "./channels";
import { flushDigests } from "./digests";
import { countUnreadInApp, listInApp, markInAppRead } from "./in-app";
import { fingerprintOf, notify } from "./notify";
import type { Message } from "./render";
import { SecretBox } from "./secret-box";

const analyst: Principal = { id: "u-analyst", email: "analyst@sightline.local", roles: ["analysts"] };
const reviewer: Principal = { id: "u-reviewer", email: "reviewer@sightline.local", roles: ["reviewers"] };
const admin: Principal = { id: "u-admin", email: "admin@sightline.local", roles: ["admins"] };

const message = (i: number): Message => ({
  kind: "finding",
  subject: `f-${i}`,
  title: `Finding number ${i}`,
  severity: 4,
  lines: [],
  fields: [],
  link: `/findings/f-${i}`,
});

describe.each(DB_TARGETS)("in-app notification centre on $name", (target) => {
  let db: PgDatabase;
  let deps: NotifyDeps;
  const ctx = (principal: Principal | null) => ({ db, principal });
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    deps = {
      db,
      secrets: SecretBox.fromBase64(randomBytes(32).toString("base64url")),
      transport: { appUrl: null, telegramApiBase: "http://127.0.0.1:9", email: null, emailFrom: "x@example.com" },
    };
    // Both channels allow two messages per window; only the e-mail one may hold the rest.
    await db.query("UPDATE notification_channels SET rate_limit = 2 WHERE id = 'inapp'");
    await db.query(
      `INSERT INTO notification_channels (id, kind, name, min_severity, rate_limit, window_seconds, settings, created_by)
       VALUES ('ch-mail', 'email', 'SOC mailbox', 3, 2, 600, '{"to": ["soc@example.com"]}', 'test')`,
    );
    for (let i = 1; i <= 6; i++) await notify(deps, message(i), fingerprintOf(["test", i]));
  });
  afterAll(async () => db?.close());

  test("in-app delivery is never held past the rate limit, while the e-mail channel holds and digests the rest", async () => {
    const mail = await listOutbox({ ctx: ctx(admin), input: { channel: "ch-mail" } });
    expect(mail.totals).toMatchObject({ total: 6, outbox: 2, held: 4 });
    const inapp = await listOutbox({ ctx: ctx(admin), input: { channel: "inapp" } });
    expect(inapp.totals).toMatchObject({ total: 6, sent: 6, held: 0 });

    expect(await flushDigests(deps)).toBe(1);
    const after = await listOutbox({ ctx: ctx(admin), input: {} });
    expect(after.items.filter((n) => n.kind === "digest").map((n) => n.channelId)).toEqual(["ch-mail"]);
    expect(after.items.find((n) => n.channelId === "ch-mail")?.channelName).toBe("SOC mailbox");

    const centre = await listInApp({ ctx: ctx(analyst) });
    expect(centre.items.map((n) => n.title)).toEqual([6, 5, 4, 3, 2, 1].map((i) => `Finding number ${i}`));
    expect(centre.unread).toBe(6);
  });

  test("read state belongs to each person: marking read, unread and all read changes only the caller's count", async () => {
    const { items } = await listInApp({ ctx: ctx(analyst) });
    const [newest, second] = items;
    expect(newest && second).toBeTruthy();
    const ids = [newest?.id ?? 0, second?.id ?? 0];

    expect(await markInAppRead({ ctx: ctx(analyst), input: { ids } })).toEqual({ unread: 4 });
    const mine = await listInApp({ ctx: ctx(analyst) });
    expect(mine.items.filter((n) => n.read).map((n) => n.id)).toEqual(ids);
    expect(await countUnreadInApp({ ctx: ctx(reviewer) })).toEqual({ unread: 6 });
    expect((await listInApp({ ctx: ctx(reviewer) })).items.some((n) => n.read)).toBe(false);

    // Marking again is harmless; unread again brings one back.
    expect(await markInAppRead({ ctx: ctx(analyst), input: { ids } })).toEqual({ unread: 4 });
    expect(await markInAppRead({ ctx: ctx(analyst), input: { ids: [ids[1]], read: false } })).toEqual({ unread: 5 });

    expect(await markInAppRead({ ctx: ctx(reviewer), input: { all: true } })).toEqual({ unread: 0 });
    expect(await countUnreadInApp({ ctx: ctx(analyst) })).toEqual({ unread: 5 });

    // A new notification is unread for everyone.
    await notify(deps, message(7), fingerprintOf(["test", 7]));
    expect(await countUnreadInApp({ ctx: ctx(reviewer) })).toEqual({ unread: 1 });
    expect(await countUnreadInApp({ ctx: ctx(analyst) })).toEqual({ unread: 6 });
  });

  test("marking read needs a signed-in person with a role", async () => {
    await expect(markInAppRead({ ctx: ctx(null), input: { all: true } })).rejects.toMatchObject({
      code: "unauthorized",
    });
    const nobody: Principal = { id: "u-none", email: "none@sightline.local", roles: [] };
    await expect(markInAppRead({ ctx: ctx(nobody), input: { all: true } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(markInAppRead({ ctx: ctx(analyst), input: { ids: [] } })).rejects.toThrow();
  });
});
