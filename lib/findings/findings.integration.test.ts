import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DuckDbLakeQuery } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { INJECTIONS, openFixtureLake, FIXTURE_WINDOW as WINDOW } from "@/test/support/findings-lake";
import { getEntityTimeline } from "./entity-timeline";
import { exportFindingsCsv } from "./export-findings";
import { getFinding } from "./get-finding";
import { listFindings } from "./list-findings";
import { searchActivity } from "./search-activity";
import { updateTriage } from "./update-triage";

const analyst: Principal = { id: "u1", email: "analyst@sightline.local", roles: ["analysts"] };
const reviewer: Principal = { id: "u2", email: "reviewer@sightline.local", roles: ["reviewers"] };

let lake: DuckDbLakeQuery;

beforeAll(async () => {
  lake = await openFixtureLake();
});
afterAll(async () => lake?.close());

describe.each(DB_TARGETS)("findings explorer on DuckDB + $name", (target) => {
  let db: PgDatabase;
  const ctx = (principal: Principal = analyst) => ({ db, lake, principal });
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  test("lists current findings with facets, timeline and query stats", async () => {
    const page = await listFindings({ ctx: ctx(), input: { ...WINDOW } });
    expect(page.items.length).toBeGreaterThan(5);
    expect(page.items.every((f) => f.status === "new")).toBe(true);
    const sevTotal = page.facets.severity.reduce((a, f) => a + f.count, 0);
    expect(sevTotal).toBe(page.items.length);
    expect(page.facets.type.length).toBeGreaterThan(1);
    expect(page.timeline.reduce((a, t) => a + t.count, 0)).toBe(page.items.length);
    expect(page.stats).toMatchObject({ engine: "duckdb", prunedByTime: true, queries: 1 });
    // Sorted newest first, ids unique (GuardDuty repeats are folded into one finding).
    const ids = page.items.map((f) => f.findingId);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = page.items.map((f) => f.lastSeen);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  test("filters by severity and free text, and paginates with a cursor without gaps or repeats", async () => {
    const all = await listFindings({ ctx: ctx(), input: { ...WINDOW, sort: "severity" } });
    const high = await listFindings({ ctx: ctx(), input: { ...WINDOW, severity: ["4", "5"] } });
    expect(high.items.length).toBeGreaterThan(0);
    expect(high.items.every((f) => f.severity >= 4)).toBe(true);
    expect(high.items.length).toBe(all.items.filter((f) => f.severity >= 4).length);

    const root = await listFindings({ ctx: ctx(), input: { ...WINDOW, q: "root" } });
    expect(root.items.length).toBeGreaterThan(0);
    expect(root.items.every((f) => /root/i.test(`${f.title} ${f.type} ${f.resourceId} ${f.principal}`))).toBe(true);

    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listFindings({ ctx: ctx(), input: { ...WINDOW, sort: "severity", limit: "3", cursor } });
      pages.push(...p.items.map((f) => f.findingId));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(all.items.map((f) => f.findingId));
  });

  test("injection strings in every filter are literal values: no match, no error, tables intact", async () => {
    for (const s of INJECTIONS) {
      for (const field of ["type", "resource", "q"]) {
        const page = await listFindings({ ctx: ctx(), input: { ...WINDOW, [field]: s } });
        expect(page.items).toEqual([]);
      }
      for (const field of ["principal", "eventName", "eventSource", "sourceIp", "errorCode"]) {
        const page = await searchActivity({ ctx: ctx(), input: { ...WINDOW, [field]: s } });
        expect(page.items).toEqual([]);
      }
      await expect(getFinding({ ctx: ctx(), id: s })).rejects.toMatchObject({ code: "not_found" });
      const pivot = await getEntityTimeline({ ctx: ctx(), input: { kind: "ip", value: s, ...WINDOW } });
      expect(pivot.events).toEqual([]);
    }
    // Fields with a strict shape refuse such input outright.
    await expect(listFindings({ ctx: ctx(), input: { ...WINDOW, account: INJECTIONS[0] } })).rejects.toThrow();
    await expect(listFindings({ ctx: ctx(), input: { ...WINDOW, region: INJECTIONS[1] } })).rejects.toThrow();
    expect((await listFindings({ ctx: ctx(), input: { ...WINDOW } })).items.length).toBeGreaterThan(5);
  });

  test("finding detail carries related activity by shared indicators, and triage changes are audited", async () => {
    const page = await listFindings({ ctx: ctx(), input: { ...WINDOW, q: "security group" } });
    const sg = page.items[0];
    expect(sg).toBeDefined();
    const detail = await getFinding({ ctx: ctx(), id: sg?.findingId ?? "" });
    expect(detail.finding.explanation).toBeTruthy();
    // About the group that was opened; "0.0.0.0" (of 0.0.0.0/0) is no host to pivot to.
    expect(detail.finding).toMatchObject({ resourceType: "AwsEc2SecurityGroup", resourceId: "sg-0abc1234def567890" });
    expect(detail.finding.indicators.ip).toContain("198.51.100.66");
    expect(detail.finding.indicators.ip).not.toContain("0.0.0.0");
    expect(detail.finding.matchedEventIds.length).toBeGreaterThan(0);
    expect(detail.related.some((e) => e.source === "cloudtrail")).toBe(true);
    expect(detail.stats.prunedByTime).toBe(false);

    await updateTriage({
      ctx: ctx(),
      id: sg?.findingId ?? "",
      input: { status: "in_progress", assignee: analyst.email },
    });
    await updateTriage({
      ctx: ctx(),
      id: sg?.findingId ?? "",
      input: { status: "resolved", note: "Rule removed by owner" },
    });
    const after = await getFinding({ ctx: ctx(), id: sg?.findingId ?? "" });
    expect(after.finding).toMatchObject({ status: "resolved", assignee: analyst.email });
    expect(after.notes.map((n) => n.body)).toEqual(["Rule removed by owner"]);
    expect(after.history.map((h) => h.action)).toEqual(["finding.status", "finding.status", "finding.note"]);

    const resolved = await listFindings({ ctx: ctx(), input: { ...WINDOW, status: "resolved" } });
    expect(resolved.items.map((f) => f.findingId)).toEqual([sg?.findingId]);
    const open = await listFindings({ ctx: ctx(), input: { ...WINDOW, status: ["new", "in_progress"] } });
    expect(open.items.map((f) => f.findingId)).not.toContain(sg?.findingId);

    await expect(
      updateTriage({ ctx: ctx(), id: sg?.findingId ?? "", input: { status: "suppressed" } }),
    ).rejects.toThrow(/reason/);
  });

  test("activity search by principal with top callers; pivot joins CloudTrail, VPC Flow and findings", async () => {
    const act = await searchActivity({ ctx: ctx(), input: { ...WINDOW, principal: "alice" } });
    expect(act.items.length).toBeGreaterThan(0);
    expect(act.items.every((e) => /alice/.test(e.principal ?? ""))).toBe(true);
    expect(act.topCallers[0]?.value).toMatch(/alice/);

    const pivot = await getEntityTimeline({
      ctx: ctx(),
      input: { kind: "instance", value: "i-0123456789abcdef0", from: "2025-11-01T00:00:00Z", to: WINDOW.to },
    });
    const sources = new Set(pivot.events.map((e) => e.source));
    expect(sources.has("finding")).toBe(true);
    expect(sources.has("vpcflow")).toBe(true);
    const times = pivot.events.map((e) => e.time);
    expect([...times].sort().reverse()).toEqual(times);
  });

  test("activity carries the full record, the total and events over time for the whole result", async () => {
    const act = await searchActivity({ ctx: ctx(), input: { ...WINDOW, limit: "5" } });
    expect(act.items).toHaveLength(5);
    expect(act.total).toBeGreaterThan(5);
    expect(act.histogram.buckets.reduce((a, b) => a + b.count, 0)).toBe(act.total);
    expect((act.histogram.buckets[0]?.start ?? "") <= WINDOW.from).toBe(true);
    expect(act.items.every((e) => Array.isArray(e.resources.arn) && Array.isArray(e.resources.instance))).toBe(true);
    const all = await searchActivity({ ctx: ctx(), input: { ...WINDOW, limit: "200" } });
    expect(all.items.some((e) => e.userAgent && e.accountId === "111122223333")).toBe(true);
    expect(all.items.some((e) => e.resources.arn.length > 0)).toBe(true);
  });

  test("an entity's summary: first/last seen, calls, accounts, regions and related findings by severity", async () => {
    const pivot = await getEntityTimeline({
      ctx: ctx(),
      input: { kind: "instance", value: "i-0123456789abcdef0", from: "2025-11-01T00:00:00Z", to: WINDOW.to },
    });
    const s = pivot.summary;
    expect(s.counts.vpcflow + s.counts.cloudtrail + s.counts.finding).toBeGreaterThan(0);
    expect(s.counts.finding).toBe(s.findingsBySeverity.reduce((a, x) => a + x.count, 0));
    expect(s.firstSeen && s.lastSeen && s.firstSeen <= s.lastSeen).toBe(true);
    expect(s.accounts[0]?.value).toBe("111122223333");
    expect(s.regions.map((r) => r.value)).toContain("us-east-1");
    expect(s.topFindings.map((f) => f.severity)).toEqual(
      [...s.topFindings.map((f) => f.severity)].sort((a, b) => b - a),
    );
    expect(pivot.aws).toBeNull();
    expect(pivot.stats.queries).toBe(2);

    const ip = await getEntityTimeline({ ctx: ctx(), input: { kind: "ip", value: "10.0.1.25", ...WINDOW } });
    expect(ip.aws).toMatchObject({ status: "ok", owners: [] });
  });

  test("CSV export streams every finding of the filter across pages, quoting and defusing formulas", async () => {
    const all = await listFindings({ ctx: ctx(), input: { ...WINDOW, limit: "200" } });
    let csv = "";
    for await (const chunk of exportFindingsCsv({ ctx: ctx(), input: { ...WINDOW } })) csv += chunk;
    const lines = csv.trim().split("\n");
    expect(lines[0]).toMatch(/^findingId,severity,/);
    expect(lines).toHaveLength(all.items.length + 1);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(all.items.map((f) => f.findingId)));
    expect(csv).not.toMatch(/(^|,)=/m);
  });

  test("a lake missing a source (or still empty) answers with empty results, not errors", async () => {
    const empty = await DuckDbLakeQuery.open(tempDir("empty-lake"), { connections: 1 });
    try {
      const c = { db, lake: empty, principal: analyst };
      expect((await listFindings({ ctx: c, input: WINDOW })).items).toEqual([]);
      expect(
        (await getEntityTimeline({ ctx: c, input: { kind: "ip", value: "10.0.1.25", ...WINDOW } })).events,
      ).toEqual([]);
    } finally {
      await empty.close();
    }
    // This lake has CloudTrail, GuardDuty and VPC Flow but no CloudWatch Logs; the pivot still unions what exists.
    const pivot = await getEntityTimeline({ ctx: ctx(), input: { kind: "ip", value: "10.0.1.25", ...WINDOW } });
    expect(pivot.events.length).toBeGreaterThan(0);
  });

  test("reviewers are refused by every verb", async () => {
    const r = ctx(reviewer);
    await expect(listFindings({ ctx: r, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(searchActivity({ ctx: r, input: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getFinding({ ctx: r, id: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateTriage({ ctx: r, id: "x", input: { status: "resolved" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getEntityTimeline({ ctx: r, input: { kind: "ip", value: "10.0.0.1" } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
