import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Session } from "@/lib/ports/database";
import { DB_TARGETS } from "@/test/support/databases";
import { applyGrants, DB_ROLES } from "./grants";

describe.each(DB_TARGETS)("least-privilege database roles on $name", (target) => {
  let db: PgDatabase;
  let schema: string;
  const pw = { app: randomBytes(12).toString("hex"), etl: randomBytes(12).toString("hex") };
  /** Runs `fn` with the privileges of one role (SET ROLE on one session). */
  const as = <T>(role: "app" | "etl", fn: (s: Session) => Promise<T>) =>
    db.withSession(async (s) => {
      await s.query(`SET ROLE ${DB_ROLES[role]}`);
      try {
        return await fn(s);
      } finally {
        await s.query("RESET ROLE");
      }
    });
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    [{ schema }] = (await db.query<{ schema: string }>("SELECT current_schema() AS schema")) as [{ schema: string }];
  });
  afterAll(async () => db?.close());

  test("the ETL role writes only ETL tables; the app role cannot rewrite the audit log or change the schema", async () => {
    const g = await applyGrants(db, pw, schema);
    expect(g.etl).toEqual(expect.arrayContaining(["clickstream_events", "lake_objects", "finding_events"]));
    expect(g.etl).not.toContain("users");
    await as("etl", async (s) => {
      await s.query("SELECT count(*) FROM clickstream_events");
      await expect(s.query("SELECT count(*) FROM users")).rejects.toThrow(/permission denied/);
      await expect(s.query("CREATE TABLE grants_probe (a int)")).rejects.toThrow(/permission denied/);
    });
    await as("app", async (s) => {
      await s.query("INSERT INTO audit_log (actor, action) VALUES ('t', 'grants.test')");
      await expect(s.query("DELETE FROM audit_log WHERE action = 'grants.test'")).rejects.toThrow(/permission denied/);
      await expect(s.query("DROP TABLE users")).rejects.toThrow(/must be owner|permission denied/);
    });
    // Idempotent: applying again is fine and keeps the same rights.
    await applyGrants(db, pw, schema);
    await as("etl", (s) => s.query("SELECT count(*) FROM finding_events"));
  });
});
