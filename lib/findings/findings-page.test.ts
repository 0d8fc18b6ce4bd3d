import { describe, expect, test } from "vitest";
import { decodeFindingsCursor } from "./findings-cursor";
import { type FindingsResultRow, facetsOf, pageOfItems, timelineOf, totalOf } from "./findings-page";

const item = (id: string, severity: number, lastSeen: number) =>
  ({ kind: "item", finding_id: id, severity, last_seen_ms: lastSeen }) as FindingsResultRow;
const facet = (name: string, value: string | null, n: number) =>
  ({ kind: "facet", facet: name, value, n }) as FindingsResultRow;
const day = (d: string, severity: number, n: number) => ({ kind: "day", day: d, severity, n }) as FindingsResultRow;

describe("pageOfItems", () => {
  // UNION ALL returns items in any order, mixed with the count rows.
  const rows = [facet("type", "T", 3), item("b", 3, 100), day("2026-11-20", 3, 1), item("c", 5, 50), item("a", 3, 100)];

  test("orders newest first (ties by id) and sets nextCursor only when a row past the limit came back", () => {
    const full = pageOfItems(rows, { sort: "last_seen", limit: 3 });
    expect(full.rows.map((r) => r.finding_id)).toEqual(["a", "b", "c"]);
    expect(full.nextCursor).toBeNull();

    const cut = pageOfItems(rows, { sort: "last_seen", limit: 2 });
    expect(cut.rows.map((r) => r.finding_id)).toEqual(["a", "b"]);
    expect(decodeFindingsCursor(cut.nextCursor ?? undefined, "last_seen")).toEqual({
      sort: "last_seen",
      lastSeenMs: 100,
      findingId: "b",
    });
  });

  test("by severity, the cursor carries the last row's severity too", () => {
    const cut = pageOfItems(rows, { sort: "severity", limit: 1 });
    expect(cut.rows.map((r) => r.finding_id)).toEqual(["c"]);
    expect(decodeFindingsCursor(cut.nextCursor ?? undefined, "severity")).toEqual({
      sort: "severity",
      severity: 5,
      lastSeenMs: 50,
      findingId: "c",
    });
  });

  test("an empty page has no cursor", () => {
    expect(pageOfItems([], { sort: "last_seen", limit: 50 })).toEqual({ rows: [], nextCursor: null });
  });
});

describe("facetsOf and timelineOf", () => {
  test("facets: largest count first, ties by value, NULL values left out", () => {
    const facets = facetsOf([
      facet("severity", "3", 2),
      facet("severity", "5", 2),
      facet("severity", "1", 7),
      facet("region", null, 9),
      facet("account", "111122223333", 4),
      item("a", 3, 100),
    ]);
    expect(facets).toEqual({
      severity: [
        { value: "1", count: 7 },
        { value: "3", count: 2 },
        { value: "5", count: 2 },
      ],
      type: [],
      account: [{ value: "111122223333", count: 4 }],
      region: [],
    });
  });

  test("timeline: by day, then severity", () => {
    const timeline = timelineOf([day("2026-11-21", 2, 1), day("2026-11-20", 5, 3), day("2026-11-20", 1, 2)]);
    expect(timeline).toEqual([
      { day: "2026-11-20", severity: 1, count: 2 },
      { day: "2026-11-20", severity: 5, count: 3 },
      { day: "2026-11-21", severity: 2, count: 1 },
    ]);
  });

  test("total: the severity counts add up to every matching finding, one without a severity included", () => {
    const rows = [facet("severity", "5", 2), facet("severity", null, 1), facet("type", "T", 3), item("a", 5, 1)];
    expect(totalOf(rows)).toBe(3);
    expect(totalOf([])).toBe(0);
  });
});
