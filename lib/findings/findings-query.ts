import type { LakeDialect, LakeParam } from "@/lib/ports/lake-query";
import type { FindingsQuery } from "@/lib/schemas/findings";
import { currentFindingsSql } from "./finding-sql";
import { decodeFindingsCursor } from "./findings-cursor";
import { findingsFilter, type SqlCondition } from "./findings-filter";
import { addWindow, daysOf, Where, type Window } from "./lake-window";

/** The columns of an item row; facet and day rows carry NULL in those they do not use. */
const ITEM_COLUMNS = [
  "finding_id",
  "origin",
  "finding_type",
  "title",
  "severity",
  "severity_label",
  "account_id",
  "region",
  "resource_type",
  "resource_id",
  "principal",
  "event_count",
  "first_seen_ms",
  "last_seen_ms",
  "suppressed_by",
];
const NUMERIC = new Set(["severity", "event_count", "first_seen_ms", "last_seen_ms"]);
const TEXT_NULL = "CAST(NULL AS VARCHAR)";
const NUMBER_NULL = "CAST(NULL AS BIGINT)";

const nulls = (keep: Record<string, string>) =>
  ITEM_COLUMNS.map((c) => keep[c] ?? `CAST(NULL AS ${NUMERIC.has(c) ? "BIGINT" : "VARCHAR"}) AS ${c}`).join(", ");
const tail = (facet: string, value: string, day: string, n: string) =>
  `${facet} AS facet, ${value} AS value, ${day} AS day, ${n} AS n`;

/** Keyset paging: the rows after the cursor in the sort's order. */
function pageCondition(f: FindingsQuery): Where {
  const page = new Where();
  const cursor = decodeFindingsCursor(f.cursor, f.sort);
  if (cursor?.sort === "severity") {
    const { severity: sev, lastSeenMs: ls, findingId: id } = cursor;
    page.add(
      "severity < ? OR (severity = ? AND (last_seen_ms < ? OR (last_seen_ms = ? AND finding_id > ?)))",
      sev,
      sev,
      ls,
      ls,
      id,
    );
  } else if (cursor) {
    page.add(
      "last_seen_ms < ? OR (last_seen_ms = ? AND finding_id > ?)",
      cursor.lastSeenMs,
      cursor.lastSeenMs,
      cursor.findingId,
    );
  }
  return page;
}

/** One page of items (one row more than the limit, so the mapper knows whether more exist). */
function itemsSelect(f: FindingsQuery, page: Where): string {
  const order =
    f.sort === "severity" ? "severity DESC, last_seen_ms DESC, finding_id" : "last_seen_ms DESC, finding_id";
  return `SELECT * FROM (SELECT 'item' AS kind, ${ITEM_COLUMNS.join(", ")}, ${tail(TEXT_NULL, TEXT_NULL, TEXT_NULL, NUMBER_NULL)} FROM cur WHERE ${page.sql()}
       ORDER BY ${order} LIMIT ${f.limit + 1}) i`;
}

/** Facet counts (severity, type, account, region) and per-day counts by severity, in one grouping pass. */
function countsSelect(d: LakeDialect): string {
  return `SELECT CASE WHEN grouping(day) = 0 THEN 'day' ELSE 'facet' END AS kind,
             ${nulls({ severity: "CASE WHEN grouping(day) = 0 THEN severity END AS severity" })}, ${tail(
               `CASE WHEN grouping(day) = 0 THEN NULL WHEN grouping(severity) = 0 THEN 'severity'
                     WHEN grouping(finding_type) = 0 THEN 'type' WHEN grouping(account_id) = 0 THEN 'account' ELSE 'region' END`,
               `CASE WHEN grouping(day) = 0 THEN NULL
                     ELSE coalesce(CAST(severity AS VARCHAR), finding_type, account_id, region) END`,
               "day",
               "count(*)",
             )}
           FROM (SELECT severity, finding_type, account_id, region, ${d.day(d.msToTimestamp("last_seen_ms"))} AS day FROM cur) y
           GROUP BY GROUPING SETS ((severity), (finding_type), (account_id), (region), (severity, day))`;
}

export interface FindingsQueryInput {
  dialect: LakeDialect;
  filter: FindingsQuery;
  window: Window;
  /** The status filter as conditions (see `statusCondition`), or null when it narrows nothing. */
  status: SqlCondition | null;
  /** The `suppressed_by` expression for the rules in force (`suppressedBySql`). */
  rules: string;
  /** Only the page of items, no facets or timeline. */
  itemsOnly: boolean;
}

/**
 * One query: the matching current findings are computed once, then paged, and counted per facet
 * and per day in one grouping pass. Athena (Trino) does not materialize a CTE: each reference
 * scans again, so there are two references, not three.
 */
export function buildFindingsQuery(input: FindingsQueryInput): { sql: string; params: LakeParam[] } {
  const { dialect: d, filter: f, window: win } = input;
  const scan = addWindow(new Where(), d, "updated_at", win);
  const filter = findingsFilter(d, f, input.status);
  const base = currentFindingsSql(d, scan.sql(), daysOf(win), f.q || f.resource ? "list+text" : "list");
  const page = pageCondition(f);
  const withCur = `WITH cur AS ${d.materialized} (
    SELECT * FROM (SELECT c0.*, ${input.rules} AS suppressed_by FROM (${base}) c0) c WHERE ${filter.sql()})`;
  const selects = [itemsSelect(f, page), ...(input.itemsOnly ? [] : [countsSelect(d)])];
  return {
    sql: `${withCur}\n${selects.join("\nUNION ALL\n")}`,
    params: [...scan.params, ...filter.params, ...page.params],
  };
}
