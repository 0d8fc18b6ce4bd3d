import type { LakeDialect, LakeParam } from "@/lib/ports/lake-query";
import type { EntitySummary } from "@/lib/schemas/activity";
import { type EntityMatch, INDICATOR_COLUMN } from "./entity-events";
import { currentFindingsSql } from "./finding-sql";
import { addWindow, daysOf, Where, type Window } from "./lake-window";

/** A row of the summary query: `kind` says which of the summary's parts it belongs to. */
export interface SummaryRow extends Record<string, unknown> {
  kind: "seen" | "call" | "account" | "region" | "severity" | "finding";
  k1: string | null;
  k2: string | null;
  n: number | null;
  a: number | null;
  b: number | null;
}

const T = "CAST(NULL AS VARCHAR)";
const N = "CAST(NULL AS BIGINT)";
/** The most frequent values of one column over the three sources, as summary rows. */
const mostFrequent = (kind: "account" | "region") =>
  `SELECT * FROM (SELECT '${kind}' AS kind, v AS k1, ${T} AS k2, count(*) AS n, ${N} AS a, ${N} AS b
     FROM (SELECT ${kind} AS v FROM ct UNION ALL SELECT ${kind} FROM fl UNION ALL SELECT ${kind} FROM fd) x
     WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT 10) ${kind}_top`;

/**
 * One query for the entity page's summary over the window: first and last seen per source, the
 * most frequent API calls (with how many failed), accounts and regions across CloudTrail, VPC Flow
 * and findings, and the related findings by severity with the most severe ones.
 */
export function entitySummaryQuery(
  d: LakeDialect,
  entity: EntityMatch,
  win: Window,
): { sql: string; params: LakeParam[] } {
  const params: LakeParam[] = [];
  const where = (time: string) => {
    const w = addWindow(new Where(), d, time, win).add(d.listContains(INDICATOR_COLUMN[entity.kind]), entity.value);
    params.push(...w.params);
    return w.sql();
  };
  const days = daysOf(win);
  const sql = `WITH ct AS ${d.materialized} (
      SELECT ${d.epochMs("event_time")} AS ms, event_source, event_name, error_code,
             recipient_account_id AS account, aws_region AS region
      FROM ${d.table("cloudtrail", days)} WHERE ${where("event_time")}),
    fl AS ${d.materialized} (
      SELECT ${d.epochMs("start_time")} AS ms, account_id AS account, region
      FROM ${d.table("vpcflow", days)} WHERE ${where("start_time")}),
    fd AS ${d.materialized} (
      SELECT finding_id, title, severity, account_id AS account, region, first_seen_ms, last_seen_ms
      FROM (${currentFindingsSql(d, where("updated_at"), days, "list")}) cur)
    SELECT 'seen' AS kind, 'cloudtrail' AS k1, ${T} AS k2, count(*) AS n, min(ms) AS a, max(ms) AS b FROM ct
    UNION ALL SELECT 'seen', 'vpcflow', ${T}, count(*), min(ms), max(ms) FROM fl
    UNION ALL SELECT 'seen', 'finding', ${T}, count(*), min(first_seen_ms), max(last_seen_ms) FROM fd
    UNION ALL SELECT * FROM (SELECT 'call' AS kind, event_source AS k1, event_name AS k2, count(*) AS n,
        CAST(sum(CASE WHEN error_code IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS a, ${N} AS b
      FROM ct GROUP BY event_source, event_name ORDER BY n DESC, k1, k2 LIMIT 10) calls
    UNION ALL ${mostFrequent("account")}
    UNION ALL ${mostFrequent("region")}
    UNION ALL SELECT 'severity', CAST(severity AS VARCHAR), ${T}, count(*), ${N}, ${N} FROM fd GROUP BY severity
    UNION ALL SELECT * FROM (SELECT 'finding' AS kind, finding_id AS k1, title AS k2, CAST(severity AS BIGINT) AS n,
        last_seen_ms AS a, ${N} AS b FROM fd ORDER BY severity DESC, last_seen_ms DESC, finding_id LIMIT 10) worst`;
  return { sql, params };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The summary from the query's rows (UNION ALL keeps no order, so each part is sorted here). */
export function toEntitySummary(rows: readonly SummaryRow[]): EntitySummary {
  const of = (kind: SummaryRow["kind"]) => rows.filter((r) => r.kind === kind);
  const seen = of("seen");
  const count = (source: string) => Number(seen.find((r) => r.k1 === source)?.n ?? 0);
  const firsts = seen.flatMap((r) => (r.a === null ? [] : [Number(r.a)]));
  const lasts = seen.flatMap((r) => (r.b === null ? [] : [Number(r.b)]));
  const facets = (kind: "account" | "region") =>
    of(kind)
      .map((r) => ({ value: String(r.k1), count: Number(r.n) }))
      .sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
  return {
    firstSeen: firsts.length ? iso(Math.min(...firsts)) : null,
    lastSeen: lasts.length ? iso(Math.max(...lasts)) : null,
    counts: { cloudtrail: count("cloudtrail"), vpcflow: count("vpcflow"), finding: count("finding") },
    findingsBySeverity: of("severity")
      .map((r) => ({ severity: Number(r.k1), count: Number(r.n) }))
      .sort((x, y) => y.severity - x.severity),
    topFindings: of("finding")
      .map((r) => ({
        findingId: String(r.k1),
        title: String(r.k2 ?? ""),
        severity: Number(r.n),
        lastSeen: iso(r.a) ?? "",
      }))
      .sort((x, y) => y.severity - x.severity || y.lastSeen.localeCompare(x.lastSeen)),
    accounts: facets("account"),
    regions: facets("region"),
    topCalls: of("call")
      .map((r) => ({ eventSource: String(r.k1), eventName: String(r.k2), count: Number(r.n), errors: Number(r.a) }))
      .sort((x, y) => y.count - x.count || x.eventName.localeCompare(y.eventName)),
  };
}
