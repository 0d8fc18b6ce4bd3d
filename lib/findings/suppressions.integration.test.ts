import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS } from "@/test/support/databases";
import { INJECTIONS, openFixtureLake, FIXTURE_WINDOW as WINDOW } from "@/test/support/findings-lake";
import { getFinding } from "./get-finding";
import { listFindings } from "./list-findings";
import { previewSuppression } from "./preview-suppression";
import { createSuppression, deleteSuppression, listSuppressions, ruleMatches } from "./suppressions";
import { updateTriage } from "./update-triage";

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

  test("the preview before saving counts exactly what the saved rule then hides, and how many of them were open", async () => {
    const now = Date.parse(WINDOW.to);
    const last30 = { from: new Date(now - 30 * 86_400_000).toISOString(), to: WINDOW.to, limit: 200 };
    const before = (await listFindings({ ctx: ctx(), input: last30 })).items;
    // The finding type shared by the most findings, so the rule hides several.
    const byType = new Map<string, number>();
    for (const f of before) byType.set(f.type.slice(0, 6), (byType.get(f.type.slice(0, 6)) ?? 0) + 1);
    const prefix = [...byType.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
    const matching = before.filter((f) => f.type.startsWith(prefix));
    expect(matching.length).toBeGreaterThan(1);
    // One of them is already being worked on: it matches, but it is not open-and-new any more.
    await updateTriage({ ctx: ctx(), id: matching[0]?.findingId ?? "", input: { status: "in_progress" } });
    const input = { findingType: `${prefix}*` };

    const preview = await previewSuppression({ ctx: ctx(), input, now });
    expect(preview).toEqual({ matches: matching.length, open: matching.length - 1, days: 30 });

    const rule = await createSuppression({ ctx: ctx(), input: { ...input, reason: "preview check" } });
    const after = (await listFindings({ ctx: ctx(), input: last30 })).items;
    expect(after.filter((f) => f.suppressedBy === rule.id)).toHaveLength(preview.matches);
    const wasNew = new Set(
      (await listFindings({ ctx: ctx(), input: { ...last30, status: "new" } })).items.map((f) => f.findingId),
    );
    expect(wasNew.size).toBe(before.filter((f) => f.status === "new").length - preview.open - 1);
    const nowSuppressed = after.filter((f) => f.status === "suppressed" && f.suppressedBy === rule.id);
    expect(nowSuppressed).toHaveLength(preview.open);
    const listed = await listSuppressions({ ctx: ctx(), now });
    expect(listed.rules.find((r) => r.id === rule.id)?.hidden).toBe(preview.matches);

    // With the rule saved, a second preview of the same patterns finds nothing open left to hide.
    expect(await previewSuppression({ ctx: ctx(), input, now })).toMatchObject({ matches: preview.matches, open: 0 });
    await deleteSuppression({ ctx: ctx(), id: rule.id });
    await expect(previewSuppression({ ctx: ctx(reviewer), input, now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(previewSuppression({ ctx: ctx(), input: { findingType: "*" }, now })).rejects.toThrow();
  });
});
