import type { LakeDialect, LakeParam } from "@/lib/ports/lake-query";
import type { ActivityQuery } from "@/lib/schemas/activity";
import { decodeActivityCursor } from "./activity-cursor";
import { addWindow, daysOf, Where, type Window } from "./lake-window";

/** The conditions on CloudTrail events for the window and the filter. */
export function activityFilter(d: LakeDialect, f: ActivityQuery, win: Window): Where {
  const w = addWindow(new Where(), d, "event_time", win);
  if (f.principal) {
    // Exact matches on the identity columns the value can be (an ARN, an access key, or a name/id):
    // equality on few columns pushes down into the Parquet scan; a substring test over every ARN would not.
    const p = f.principal;
    const cols = p.startsWith("arn:")
      ? ["user_arn", "session_issuer_arn"]
      : /^(AKIA|ASIA)[A-Z0-9]{16}$/.test(p)
        ? ["access_key_id"]
        : ["user_name", "session_issuer_user_name", "principal_id"];
    w.add(cols.map((c) => `${c} = ?`).join(" OR "), ...cols.map(() => p));
  }
  if (f.eventName) w.add("event_name = ?", f.eventName);
  if (f.eventSource) w.add("event_source = ?", f.eventSource);
  if (f.sourceIp) w.add("source_ip_address = ?", f.sourceIp);
  if (f.errorCode) w.add("error_code = ?", f.errorCode);
  if (f.region) w.add("aws_region = ?", f.region);
  return w;
}

/** Keyset paging: the events after the cursor (newest first, then by place in the source object). */
function pageCondition(cursor: string | undefined): Where {
  const page = new Where();
  const c = decodeActivityCursor(cursor);
  if (c) {
    page.add(
      "ms < ? OR (ms = ? AND (source_key > ? OR (source_key = ? AND source_ordinal > ?)))",
      c.ms,
      c.ms,
      c.sourceKey,
      c.sourceKey,
      c.sourceOrdinal,
    );
  }
  return page;
}

const TEXT_NULL = "CAST(NULL AS VARCHAR)";
const NUM_NULL = "CAST(NULL AS BIGINT)";

/** The full record's columns, read only for the page's rows (expressions over the CloudTrail table). */
const heavyColumns = (d: LakeDialect): [string, string][] => [
  ["event_id", "event_id"],
  ["user_type", "user_type"],
  ["source_ip_address", "source_ip_address"],
  ["error_message", "error_message"],
  ["user_agent", "user_agent"],
  ["mfa_authenticated", "CAST(mfa_authenticated AS VARCHAR)"],
  ["session_issuer_type", "session_issuer_type"],
  ["session_issuer_arn", "session_issuer_arn"],
  ["access_key_id", "access_key_id"],
  ["recipient_account_id", "recipient_account_id"],
  ["read_only", "CAST(read_only AS VARCHAR)"],
  ["request_parameters", "request_parameters"],
  ["response_elements", "response_elements"],
  ["any_arn", d.listAsJson("any_arn")],
  ["any_instance_id", d.listAsJson("any_instance_id")],
  ["any_access_key_id", d.listAsJson("any_access_key_id")],
];
const LIGHT = ["event_source", "event_name", "principal", "aws_region", "error_code"];

/** An aggregate row (top-N or histogram): NULL in every item column, then the value and its count. */
const aggRow = (d: LakeDialect, kind: string) =>
  [
    `'${kind}' AS kind`,
    `${NUM_NULL} AS ms`,
    ...LIGHT.map((c) => `${TEXT_NULL} AS ${c}`),
    ...heavyColumns(d).map(([name]) => `${TEXT_NULL} AS ${name}`),
    `${TEXT_NULL} AS source_key`,
    `${NUM_NULL} AS source_ordinal`,
  ].join(", ");

/**
 * One query for the activity page: a page of events (one more than the limit), the top callers, the
 * top denied calls and events per time bucket. The filtered events are read once with light columns
 * only (paging, top lists and histogram come from that); the full record (ids, user agent, session,
 * JSON parts, indicators) is fetched for the page's rows alone, from the few objects they came from.
 */
export function buildActivityQuery(input: {
  dialect: LakeDialect;
  filter: ActivityQuery;
  window: Window;
  bucketMs: number;
}): { sql: string; params: LakeParam[] } {
  const { dialect: d, filter: f, window: win, bucketMs } = input;
  const w = activityFilter(d, f, win);
  const src = d.table("cloudtrail", daysOf(win));
  const page = pageCondition(f.cursor);
  const heavy = heavyColumns(d);
  const bucket = `CAST(floor(ms / ${Math.trunc(bucketMs)}) * ${Math.trunc(bucketMs)} AS BIGINT)`;
  const sql = `WITH e AS ${d.materialized} (
       SELECT ${d.epochMs("event_time")} AS ms, event_source, event_name, coalesce(user_arn, user_name) AS principal,
              aws_region, error_code, source_key, source_ordinal
       FROM ${src} WHERE ${w.sql()}),
     pg AS ${d.materialized} (SELECT * FROM e WHERE ${page.sql()} ORDER BY ms DESC, source_key, source_ordinal LIMIT ${f.limit + 1}),
     h AS (SELECT ${heavy.map(([name, expr]) => `${expr} AS ${name}`).join(", ")}, source_key, source_ordinal
           FROM ${src} WHERE ${w.sql()} AND source_key IN (SELECT source_key FROM pg))
     SELECT 'item' AS kind, pg.ms, ${LIGHT.map((c) => `pg.${c}`).join(", ")}, ${heavy.map(([name]) => `h.${name}`).join(", ")},
            pg.source_key, pg.source_ordinal, ${TEXT_NULL} AS value, ${NUM_NULL} AS n
     FROM pg JOIN h ON h.source_key = pg.source_key AND h.source_ordinal = pg.source_ordinal
     UNION ALL
     SELECT * FROM (SELECT ${aggRow(d, "caller")}, value, n FROM (SELECT coalesce(principal, 'unknown') AS value, count(*) AS n FROM e
                    GROUP BY 1 ORDER BY n DESC, value LIMIT 10) c) c2
     UNION ALL
     SELECT * FROM (SELECT ${aggRow(d, "denied")}, value, n FROM (
                    SELECT event_source || ' ' || event_name || ' (' || error_code || ')' AS value, count(*) AS n FROM e
                    WHERE error_code IN ('AccessDenied', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'AccessDeniedException')
                    GROUP BY 1 ORDER BY n DESC, value LIMIT 10) d) d2
     UNION ALL
     SELECT ${aggRow(d, "bucket")}, CAST(b AS VARCHAR) AS value, count(*) AS n FROM (SELECT ${bucket} AS b FROM e) t GROUP BY b`;
  return { sql, params: [...w.params, ...page.params, ...w.params] };
}
