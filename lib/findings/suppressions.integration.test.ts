import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import { INJECTIONS, openFixtureLake, FIXTURE_WINDOW as WINDOW } from "@/test/support/findings-lake";
import { getFinding } from "./get-finding";
import { listFindings } from "./list-findings";
import { createSuppression, deleteSuppression, listSuppressions, ruleMatches } from "./suppressions";

const analyst: Principal = { id: "u1", email: "analyst@sightline.local", roles: ["analysts"] };
const reviewer: Principal = { id: "u2", email: "reviewer@sightline.local", roles: ["reviewers"] };

let lake: DuckDbLakeQuery;

beforeAll(async () => {
  lake = await openFixtureLake();
});
afterAll(async () => lake?.close());

describe.each(DB_TARGETS)("suppression rules on DuckDB + $name", (target) => {
  let db: PgDatabase;
  const ctx = (principal: Principal = analyst) => ({ db, lake, principal });
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  test("a suppression rule shows its findings as suppressed, counts them, and retiring it shows them again", async () => {
    const all = await listFindings({ ctx: ctx(), input: WINDOW });
    const target = all.items.find((f) => f.resourceId && f.status === "new");
    expect(target).toBeDefined();
    const t = target as NonNullable<typeof target>;
    // `*` is the only wildcard; LIKE's own % and _ in a pattern are literal.
    const literal = await createSuppression({
      ctx: ctx(),
      input: { findingType: `${t.type.slice(0, 3)}%`, resource: "*", reason: "percent is literal" },
    });
    const rule = await createSuppression({
      ctx: ctx(),
      input: {
        findingType: `${t.type.slice(0, 4)}*`,
        resource: `*${(t.resourceId ?? "").slice(-6)}`,
        reason: "known scanner",
      },
    });
    const after = await listFindings({ ctx: ctx(), input: WINDOW });
    const hidden = after.items.filter((f) => f.status === "suppressed");
    expect(hidden.map((f) => f.findingId)).toContain(t.findingId);
    expect(hidden.every((f) => f.suppressedBy === rule.id)).toBe(true);
    // The SQL decision and the TypeScript one (used for notifications) agree on every finding.
    for (const f of after.items) expect(f.suppressedBy === rule.id).toBe(ruleMatches(rule, f));
    expect(
      (await listFindings({ ctx: ctx(), input: { ...WINDOW, status: "new" } })).items.map((f) => f.findingId),
    ).not.toContain(t.findingId);
    expect(
      (await listFindings({ ctx: ctx(), input: { ...WINDOW, status: "suppressed" } })).items.map((f) => f.findingId),
    ).toEqual(hidden.map((f) => f.findingId));
    const detail = await getFinding({ ctx: ctx(), id: t.findingId });
    expect(detail.finding).toMatchObject({ status: "suppressed", reason: "known scanner", suppressedBy: rule.id });

    const listed = await listSuppressions({ ctx: ctx(), now: Date.parse(WINDOW.to) });
    expect(listed.rules.find((r) => r.id === rule.id)?.hidden).toBe(hidden.length);
    expect(listed.rules.find((r) => r.id === literal.id)?.hidden).toBe(0);

    for (const s of INJECTIONS) {
      const r = await createSuppression({
        ctx: ctx(),
        input: { findingType: s, resource: s, reason: "injection probe" },
      });
      expect((await listFindings({ ctx: ctx(), input: WINDOW })).items.filter((f) => f.suppressedBy === r.id)).toEqual(
        [],
      );
      await deleteSuppression({ ctx: ctx(), id: r.id });
    }

    await deleteSuppression({ ctx: ctx(), id: rule.id });
    await deleteSuppression({ ctx: ctx(), id: literal.id });
    const back = await listFindings({ ctx: ctx(), input: WINDOW });
    expect(back.items.find((f) => f.findingId === t.findingId)?.status).toBe("new");
    await expect(deleteSuppression({ ctx: ctx(), id: rule.id })).rejects.toMatchObject({ code: "not_found" });
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE subject = $1 ORDER BY id", [
      rule.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(["suppression.create", "suppression.delete"]);
    await expect(
      createSuppression({ ctx: ctx(), input: { findingType: "*", reason: "everything" } }),
    ).rejects.toThrow();
    await expect(
      createSuppression({ ctx: ctx(reviewer), input: { findingType: "Recon*", resource: "i-1*", reason: "x" } }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
