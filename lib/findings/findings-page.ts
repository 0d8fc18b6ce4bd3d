import type { FindingsPage, FindingsQuery } from "@/lib/schemas/findings";
import type { Facet } from "@/lib/schemas/lake-view";
import type { FindingRow } from "./finding-sql";
import { encodeFindingsCursor } from "./findings-cursor";

/** A row of the findings query: an item, a facet count or a day's count for one severity. */
export type FindingsResultRow = FindingRow & {
  kind: string;
  facet: string | null;
  value: string | null;
  day: string | null;
  n: number | null;
};

const byId = (x: FindingRow, y: FindingRow) => (x.finding_id < y.finding_id ? -1 : 1);
const itemOrder = (sort: FindingsQuery["sort"]) =>
  sort === "severity"
    ? (x: FindingRow, y: FindingRow) => y.severity - x.severity || y.last_seen_ms - x.last_seen_ms || byId(x, y)
    : (x: FindingRow, y: FindingRow) => y.last_seen_ms - x.last_seen_ms || byId(x, y);

/**
 * The page's items in the sort's order (UNION ALL keeps no order) and the cursor after the last;
 * the query fetched one row past the limit, so a cursor is set only when more rows exist.
 */
export function pageOfItems(
  rows: readonly FindingsResultRow[],
  { sort, limit }: Pick<FindingsQuery, "sort" | "limit">,
): { rows: FindingsResultRow[]; nextCursor: string | null } {
  const items = rows.filter((r) => r.kind === "item").sort(itemOrder(sort));
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: items.length > limit && last ? encodeFindingsCursor(last, sort) : null };
}

/** Facet counts, largest first (ties by value); the NULL value of a facet is not offered. */
export function facetsOf(rows: readonly FindingsResultRow[]): FindingsPage["facets"] {
  const facets: FindingsPage["facets"] = { severity: [], type: [], account: [], region: [] };
  for (const r of rows) {
    if (r.kind !== "facet" || r.value === null) continue;
    (facets[r.facet as keyof typeof facets] as Facet[]).push({ value: String(r.value), count: Number(r.n) });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

/** Counts per day and severity, by day then severity. */
export function timelineOf(rows: readonly FindingsResultRow[]): FindingsPage["timeline"] {
  return rows
    .filter((r) => r.kind === "day")
    .map((r) => ({ day: String(r.day), severity: Number(r.severity), count: Number(r.n) }))
    .sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.severity - y.severity));
}

/** How many findings match: every one has one severity, so the severity facet's counts add up to them all. */
export const totalOf = (rows: readonly FindingsResultRow[]): number =>
  rows.reduce((sum, r) => (r.kind === "facet" && r.facet === "severity" ? sum + Number(r.n) : sum), 0);
