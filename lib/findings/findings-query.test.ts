import { describe, expect, test } from "vitest";
import { FindingsQuery } from "@/lib/schemas/findings";
import { readableDialect } from "@/test/support/readable-dialect";
import { filtersByStatus, statusCondition } from "./findings-filter";
import { type FindingsResultRow, pageOfItems } from "./findings-page";
import { buildFindingsQuery, type FindingsQueryInput } from "./findings-query";
import { encodeCursor, resolveWindow } from "./lake-window";

const dialect = readableDialect;

const WINDOW = resolveWindow({ from: "2026-11-19T00:00:00Z", to: "2026-11-22T00:00:00Z" });
const WINDOW_PARAMS = ["2026-11-19", "2026-11-22", "2026-11-19 00:00:00.000", "2026-11-22 00:00:00.000"];

const build = (input: Record<string, unknown>, over: Partial<FindingsQueryInput> = {}) =>
  buildFindingsQuery({
    dialect: dialect("duckdb"),
    filter: FindingsQuery.parse(input),
    window: WINDOW,
    status: null,
    rules: "CAST(NULL AS VARCHAR)",
    itemsOnly: false,
    ...over,
  });

const row = (id: string, severity: number, lastSeen: number): FindingsResultRow =>
  ({ kind: "item", finding_id: id, severity, last_seen_ms: lastSeen }) as FindingsResultRow;

describe("buildFindingsQuery", () => {
  test("without filters only the window bounds the scan, and the filter is `true`", () => {
    const q = build({});
    expect(q.params).toEqual(WINDOW_PARAMS);
    expect(q.sql).toContain(
      "WHERE (dt BETWEEN ? AND ?) AND (updated_at BETWEEN CAST(? AS TIMESTAMP) AND CAST(? AS TIMESTAMP))",
    );
    expect(q.sql).toContain("c WHERE true)");
    expect(q.sql).toContain("FROM cur WHERE true\n       ORDER BY last_seen_ms DESC, finding_id LIMIT 51) i");
  });

  test("each filter adds its WHERE fragment and parameters, in order, after the window's", () => {
    const q = build({ severity: ["4", "5"], type: "Recon", account: "111122223333", region: "us-east-1", q: "root" });
    expect(q.sql).toContain(
      "c WHERE (severity IN (?, ?)) AND (finding_type ~ ?) AND (account_id = ?) AND (region = ?) AND " +
        "(title ~ ? OR finding_type ~ ? OR resource_id ~ ? OR principal ~ ? OR description ~ ?))",
    );
    expect(q.params).toEqual([...WINDOW_PARAMS, 4, 5, "Recon", "111122223333", "us-east-1", ...Array(5).fill("root")]);
  });

  test("free text and resource filters read the text columns; the plain list does not", () => {
    expect(build({ resource: "i-1" }).sql).toContain("json(any_instance_id) AS any_instance_id");
    expect(build({ resource: "i-1" }).params.slice(4)).toEqual(["i-1", "i-1", "i-1"]);
    expect(build({}).sql).not.toContain("any_instance_id");
  });

  test("the status condition and the suppression rules go where the current findings are filtered", () => {
    const status = { sql: "finding_id IN (?)", params: ["f-1"] };
    const q = build({}, { status, rules: "CASE WHEN x THEN 'r1' END" });
    expect(q.sql).toContain("CASE WHEN x THEN 'r1' END AS suppressed_by");
    expect(q.sql).toContain("c WHERE (finding_id IN (?)))");
    expect(q.params).toEqual([...WINDOW_PARAMS, "f-1"]);
  });

  test("the counts pass is left out for items only, and MATERIALIZED only where the engine has it", () => {
    expect(build({}).sql).toContain("GROUP BY GROUPING SETS");
    expect(build({}, { itemsOnly: true }).sql).not.toContain("UNION ALL");
    expect(build({}).sql).toContain("WITH cur AS MATERIALIZED (");
    expect(build({}, { dialect: dialect("athena") }).sql).toContain("WITH cur AS  (");
    expect(build({}, { dialect: dialect("athena") }).sql).toContain("athena_findings[2026-11-19..2026-11-22]");
  });

  test("a cursor from the page mapper continues after the page's last row, for either sort", () => {
    const rows = [row("a", 5, 300), row("b", 4, 200), row("c", 3, 100)];
    const bySeverity = pageOfItems(rows, { sort: "severity", limit: 2 });
    const next = build({ sort: "severity", cursor: bySeverity.nextCursor });
    expect(next.sql).toContain(
      "WHERE (severity < ? OR (severity = ? AND (last_seen_ms < ? OR (last_seen_ms = ? AND finding_id > ?))))",
    );
    expect(next.sql).toContain("ORDER BY severity DESC, last_seen_ms DESC, finding_id");
    expect(next.params.slice(4)).toEqual([4, 4, 200, 200, "b"]);

    const byTime = pageOfItems(rows, { sort: "last_seen", limit: 1 });
    const after = build({ cursor: byTime.nextCursor });
    expect(after.sql).toContain("WHERE (last_seen_ms < ? OR (last_seen_ms = ? AND finding_id > ?))");
    expect(after.params.slice(4)).toEqual([300, 300, "a"]);
  });

  test("a cursor that is not one, or is for the other sort, is invalid input", () => {
    expect(() => build({ cursor: "not-a-cursor" })).toThrow(expect.objectContaining({ code: "invalid_input" }));
    const severityCursor = encodeCursor([4, 200, "b"]);
    expect(() => build({ cursor: severityCursor })).toThrow("Bad cursor");
  });
});

describe("statusCondition", () => {
  const triaged = new Map([
    ["f-resolved", "resolved" as const],
    ["f-working", "in_progress" as const],
  ]);

  test("no statuses, or all four, narrow nothing", () => {
    expect(filtersByStatus(undefined)).toBe(false);
    expect(filtersByStatus([])).toBe(false);
    expect(filtersByStatus(["new", "in_progress", "resolved", "suppressed"])).toBe(false);
    expect(filtersByStatus(["new"])).toBe(true);
  });

  test("triaged findings are matched by id; the rest by whether a rule suppresses them", () => {
    expect(statusCondition(["resolved"], triaged)).toEqual({
      sql: "finding_id IN (?) OR (finding_id NOT IN (?, ?) AND false)",
      params: ["f-resolved", "f-resolved", "f-working"],
    });
    expect(statusCondition(["new"], triaged).sql).toBe("(finding_id NOT IN (?, ?) AND suppressed_by IS NULL)");
    expect(statusCondition(["suppressed"], new Map())).toEqual({ sql: "suppressed_by IS NOT NULL", params: [] });
    expect(statusCondition(["new", "suppressed"], new Map()).sql).toBe("true");
  });
});
