import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { findSessionUser, insertSession, revokeSession, revokeUserSessions } from "@/lib/users/session-store";
import { findUserByEmail, insertUser, listUsers, takeSignInAttempt, updateUser } from "@/lib/users/user-store";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { MIGRATIONS_DIR, migrate } from "./migrate";
import type { PgDatabase } from "./pg-database";

describe.each(DB_TARGETS)("database on $name", (target) => {
  let db: PgDatabase;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  test("migrations apply once, then are a no-op", async () => {
    const first = await migrate(db);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(second.version).toBe(first.version);
  });

  test("concurrent migrate calls serialize on the advisory lock", async () => {
    const results = await Promise.all([migrate(db), migrate(db), migrate(db)]);
    expect(results.every((r) => r.applied.length === 0)).toBe(true);
  });

  test("an edited migration is refused", async () => {
    const dir = tempDir("migrations");
    for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const first = fs.readdirSync(dir).sort()[0] ?? "";
    fs.appendFileSync(path.join(dir, first), "\n-- edited after it was applied\n");
    await expect(migrate(db, dir)).rejects.toThrow(/checksum/i);
  });

  test("users: insert, unique email, find, list, update", async () => {
    const hash = await hashPassword("pw-for-tests-123");
    const u = await insertUser(db, { email: "ana@example.com", passwordHash: hash, roles: ["analysts"] });
    expect(u?.roles).toEqual(["analysts"]);
    expect(await insertUser(db, { email: "ana@example.com", passwordHash: hash, roles: ["admins"] })).toBeNull();
    expect((await findUserByEmail(db, "ana@example.com"))?.id).toBe(u?.id);
    expect((await listUsers(db)).map((x) => x.email)).toContain("ana@example.com");
    const updated = await updateUser(db, u?.id ?? "", { roles: ["analysts", "reviewers"], disabled: true });
    expect(updated).toMatchObject({ roles: ["analysts", "reviewers"], disabled: true });
    expect(await updateUser(db, "00000000-0000-0000-0000-000000000000", { disabled: true })).toBeNull();
  });

  test("roles outside the three groups are refused by the schema", async () => {
    await expect(
      db.query("INSERT INTO users (email, roles) VALUES ('x@example.com', ARRAY['root'])"),
    ).rejects.toThrow();
  });

  test("ten sign-in attempts in a row lock the account; the eleventh is refused", async () => {
    const u = await insertUser(db, { email: "lock@example.com", passwordHash: null, roles: ["reviewers"] });
    for (let i = 0; i < 10; i++) expect(await takeSignInAttempt(db, u?.id ?? "")).toBe(true);
    const after = await findUserByEmail(db, "lock@example.com");
    expect(after?.failed_logins).toBe(10);
    expect(after?.locked_until?.getTime()).toBeGreaterThan(Date.now());
    expect(await takeSignInAttempt(db, u?.id ?? "")).toBe(false);
  });

  test("parallel attempts each take one: 30 at once lock the account and 20 are refused", async () => {
    const u = await insertUser(db, { email: "race@example.com", passwordHash: null, roles: ["reviewers"] });
    const taken = await Promise.all(Array.from({ length: 30 }, () => takeSignInAttempt(db, u?.id ?? "")));
    expect(taken.filter(Boolean)).toHaveLength(10);
  });

  test("after a lock runs out the count starts again", async () => {
    const u = await insertUser(db, { email: "thaw@example.com", passwordHash: null, roles: ["reviewers"] });
    const id = u?.id ?? "";
    await db.query("UPDATE users SET failed_logins = 10, locked_until = now() - interval '1 second' WHERE id = $1", [
      id,
    ]);
    expect(await takeSignInAttempt(db, id)).toBe(true);
    expect((await findUserByEmail(db, "thaw@example.com"))?.failed_logins).toBe(1);
    expect((await findUserByEmail(db, "thaw@example.com"))?.locked_until).toBeNull();
  });

  test("sessions: live, revoked, expired, and user-wide revocation", async () => {
    const u = await insertUser(db, { email: "s@example.com", passwordHash: null, roles: ["admins"] });
    const uid = u?.id ?? "";
    const later = new Date(Date.now() + 3_600_000);
    await insertSession(db, { id: "live", userId: uid, expiresAt: later });
    await insertSession(db, { id: "old", userId: uid, expiresAt: new Date(Date.now() - 1000) });
    await insertSession(db, { id: "other", userId: uid, expiresAt: later });
    expect((await findSessionUser(db, "live", uid))?.email).toBe("s@example.com");
    expect(await findSessionUser(db, "live", "someone-else")).toBeNull();
    expect(await findSessionUser(db, "old", uid)).toBeNull();
    await revokeSession(db, "live");
    expect(await findSessionUser(db, "live", uid)).toBeNull();
    await revokeUserSessions(db, uid);
    expect(await findSessionUser(db, "other", uid)).toBeNull();
  });

  test("the audit log is append-only", async () => {
    await recordAudit(db, { actor: "ana", action: "test.write", subject: "x", detail: { n: 1 } });
    const rows = await db.query<{ actor: string; detail: { n: number } }>(
      "SELECT actor, detail FROM audit_log WHERE action = 'test.write'",
    );
    expect(rows).toEqual([{ actor: "ana", detail: { n: 1 } }]);
    await expect(db.query("UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
  });

  test("a failed transaction leaves nothing behind", async () => {
    await expect(
      db.transaction(async (tx) => {
        await insertUser(tx, { email: "tx@example.com", passwordHash: null, roles: ["analysts"] });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await findUserByEmail(db, "tx@example.com")).toBeNull();
  });
});
