import type { Database } from "@/lib/ports/database";
import type { LakeParam, LakeQueryEngine } from "@/lib/ports/lake-query";
import type { Principal } from "@/lib/schemas/auth";
import { type Facet, type FindingsPage, FindingsQuery, type TriageStatus } from "@/lib/schemas/findings";
import { requireRole } from "@/lib/auth/require-role";
import { currentFindingsSql, type FindingRow, toSummary } from "./finding-sql";
import { addWindow, daysOf, decodeCursor, encodeCursor, resolveWindow, Where } from "./lake-window";
import { combineStats } from "./query-stats";
import { activeRules, suppressedBySql } from "./suppressions";
import { triagedIds, triageFor } from "./triage-store";

export const FINDINGS_ROLES = ["analysts", "admins"] as const;

export interface LakeCtx {
  db: Database;
  lake: LakeQueryEngine;
  principal: Principal | null;
}

/**
 * A finding's status is the analyst's (relational overlay) when set; otherwise "suppressed" when a
 * suppression rule matches (the lake query's `suppressed_by`), else "new". A status filter becomes
 * id conditions for the triaged findings and a `suppressed_by` test for the rest.
 */
async function statusCondition(db: Database, statuses: TriageStatus[] | undefined) {
  if (!statuses?.length || statuses.length === 4) return null;
  const triaged = await triagedIds(db);
  const wanted = new Set(statuses);
  const ids = [...triaged.keys()];
  const include = [...triaged].filter(([, s]) => wanted.has(s)).map(([id]) => id);
  const untriaged =
    wanted.has("new") && wanted.has("suppressed")
      ? "true"
      : wanted.has("new")
        ? "suppressed_by IS NULL"
        : wanted.has("suppressed")
          ? "suppressed_by IS NOT NULL"
          : "false";
  const list = (xs: string[]) => xs.map(() => "?").join(", ");
  const parts: string[] = [];
  const params: string[] = [];
  if (include.length) {
    parts.push(`finding_id IN (${list(include)})`);
    params.push(...include);
  }
  parts.push(ids.length ? `(finding_id NOT IN (${list(ids)}) AND ${untriaged})` : untriaged);
  params.push(...ids);
  return { sql: parts.join(" OR "), params };
}

/** The findings page: one page of current findings, facet counts and the severity timeline, for one filter. */
export async function listFindings({
  ctx,
  input,
  itemsOnly = false,
}: {
  ctx: LakeCtx;
  input: unknown;
  /** Only the page of items (CSV export pages through this). */
  itemsOnly?: boolean;
}): Promise<FindingsPage> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const f = FindingsQuery.parse(input);
  const d = ctx.lake.dialect;
  const win = resolveWindow(f);

  const scan = addWindow(new Where(), d, "updated_at", win);
  const filter = new Where();
  if (f.severity?.length) filter.add(`severity IN (${f.severity.map(() => "?").join(", ")})`, ...f.severity);
  if (f.type) filter.add(d.containsText("finding_type"), f.type);
  if (f.account) filter.add("account_id = ?", f.account);
  if (f.region) filter.add("region = ?", f.region);
  if (f.resource) {
    // In the current-findings view the indicator lists are JSON text, so a substring test covers them too.
    const cols = ["resource_id", "any_instance_id", "any_arn"];
    filter.add(cols.map((c) => d.containsText(c)).join(" OR "), ...cols.map(() => f.resource as string));
  }
  if (f.q) {
    const cols = ["title", "finding_type", "resource_id", "principal", "description"];
    filter.add(cols.map((c) => d.containsText(c)).join(" OR "), ...cols.map(() => f.q as string));
  }
  const status = await statusCondition(ctx.db, f.status);
  if (status) filter.add(status.sql, ...status.params);

  const base = currentFindingsSql(d, scan.sql(), daysOf(win), f.q || f.resource ? "list+text" : "list");
  const rules = suppressedBySql(await activeRules(ctx.db));
  const baseParams: LakeParam[] = [...scan.params, ...filter.params];

  const page = new Where();
  const cursor = decodeCursor(f.cursor, f.sort === "severity" ? ["number", "number", "string"] : ["number", "string"]);
  if (cursor && f.sort === "severity") {
    const [sev, ls, id] = cursor;
    page.add(
      "severity < ? OR (severity = ? AND (last_seen_ms < ? OR (last_seen_ms = ? AND finding_id > ?)))",
      sev as number,
      sev as number,
      ls as number,
      ls as number,
      id as string,
    );
  } else if (cursor) {
    const [ls, id] = cursor;
    page.add("last_seen_ms < ? OR (last_seen_ms = ? AND finding_id > ?)", ls as number, ls as number, id as string);
  }
  const order =
    f.sort === "severity" ? "severity DESC, last_seen_ms DESC, finding_id" : "last_seen_ms DESC, finding_id";

  // One query: the matching current findings are computed once, then paged, and counted per facet
  // and per day in one grouping pass. Athena (Trino) does not materialize a CTE: each reference
  // scans again, so there are two references, not three.
  const cols = [
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
  const nulls = (keep: Record<string, string>) =>
    cols.map((c) => keep[c] ?? `CAST(NULL AS ${NUMERIC.has(c) ? "BIGINT" : "VARCHAR"}) AS ${c}`).join(", ");
  const tail = (facet: string, value: string, day: string, n: string) =>
    `${facet} AS facet, ${value} AS value, ${day} AS day, ${n} AS n`;
  const T = "CAST(NULL AS VARCHAR)";
  const N = "CAST(NULL AS BIGINT)";
  const withCur = `WITH cur AS ${d.materialized} (
    SELECT * FROM (SELECT c0.*, ${rules} AS suppressed_by FROM (${base}) c0) c WHERE ${filter.sql()})`;
  const selects = [
    `SELECT * FROM (SELECT 'item' AS kind, ${cols.join(", ")}, ${tail(T, T, T, N)} FROM cur WHERE ${page.sql()}
       ORDER BY ${order} LIMIT ${f.limit + 1}) i`,
    ...(itemsOnly
      ? []
      : [
          `SELECT CASE WHEN grouping(day) = 0 THEN 'day' ELSE 'facet' END AS kind,
             ${nulls({ severity: "CASE WHEN grouping(day) = 0 THEN severity END AS severity" })}, ${tail(
               `CASE WHEN grouping(day) = 0 THEN NULL WHEN grouping(severity) = 0 THEN 'severity'
                     WHEN grouping(finding_type) = 0 THEN 'type' WHEN grouping(account_id) = 0 THEN 'account' ELSE 'region' END`,
               `CASE WHEN grouping(day) = 0 THEN NULL
                     ELSE coalesce(CAST(severity AS VARCHAR), finding_type, account_id, region) END`,
               "day",
               "count(*)",
             )}
           FROM (SELECT severity, finding_type, account_id, region, ${d.day(d.msToTimestamp("last_seen_ms"))} AS day FROM cur) y
           GROUP BY GROUPING SETS ((severity), (finding_type), (account_id), (region), (severity, day))`,
        ]),
  ];
  const res = await ctx.lake.query<
    FindingRow & { kind: string; facet: string | null; value: string | null; day: string | null; n: number | null }
  >(`${withCur}\n${selects.join("\nUNION ALL\n")}`, [...baseParams, ...page.params]);
  const items = { rows: res.rows.filter((r) => r.kind === "item") };
  const facets = {
    rows: res.rows.filter((r) => r.kind === "facet").map((r) => ({ facet: r.facet, value: r.value, n: r.n })),
  };
  const timeline = {
    rows: res.rows
      .filter((r) => r.kind === "day")
      .map((r) => ({ day: String(r.day), severity: Number(r.severity), n: Number(r.n) }))
      .sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.severity - y.severity)),
  };
  const itemOrder =
    f.sort === "severity"
      ? (x: FindingRow, y: FindingRow) =>
          y.severity - x.severity || y.last_seen_ms - x.last_seen_ms || (x.finding_id < y.finding_id ? -1 : 1)
      : (x: FindingRow, y: FindingRow) => y.last_seen_ms - x.last_seen_ms || (x.finding_id < y.finding_id ? -1 : 1);
  items.rows.sort(itemOrder);

  const more = items.rows.length > f.limit;
  const rows = items.rows.slice(0, f.limit);
  const triage = await triageFor(
    ctx.db,
    rows.map((r) => r.finding_id),
  );
  const last = rows.at(-1);
  const facetsOut: FindingsPage["facets"] = { severity: [], type: [], account: [], region: [] };
  for (const r of facets.rows) {
    if (r.value === null) continue;
    (facetsOut[r.facet as keyof typeof facetsOut] as Facet[]).push({ value: String(r.value), count: Number(r.n) });
  }
  for (const list of Object.values(facetsOut)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    items: rows.map((r) => toSummary(r, triage.get(r.finding_id))),
    nextCursor:
      more && last
        ? encodeCursor(
            f.sort === "severity"
              ? [Number(last.severity), Number(last.last_seen_ms), last.finding_id]
              : [Number(last.last_seen_ms), last.finding_id],
          )
        : null,
    facets: facetsOut,
    timeline: timeline.rows.map((r) => ({ day: r.day, severity: Number(r.severity), count: Number(r.n) })),
    window: win,
    stats: combineStats(ctx.lake, [res.stats], true),
  };
}
