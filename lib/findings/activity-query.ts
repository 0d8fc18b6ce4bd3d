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

const text = "CAST(NULL AS VARCHAR)";
const num = "CAST(NULL AS BIGINT)";
/** A top-N row: NULL in every item column, then the value and its count. */
const aggRow = (kind: string) =>
  `'${kind}' AS kind, ${[text, num, text, text, text, text, text, text, text, text, text, text, num].join(", ")}, value, n`;

/**
 * One query for the activity page: a page of events (one more than the limit), the top callers
 * and the top denied calls. The filtered events are read once with light columns only (paging, top
 * callers, top denied come from that); the heavy columns (ids, JSON parts) are fetched for the
 * page's rows alone, from the few objects they came from.
 */
export function buildActivityQuery(input: { dialect: LakeDialect; filter: ActivityQuery; window: Window }): {
  sql: string;
  params: LakeParam[];
} {
  const { dialect: d, filter: f, window: win } = input;
  const w = activityFilter(d, f, win);
  const src = d.table("cloudtrail", daysOf(win));
  const page = pageCondition(f.cursor);
  const sql = `WITH e AS ${d.materialized} (
       SELECT ${d.epochMs("event_time")} AS ms, event_source, event_name, coalesce(user_arn, user_name) AS principal,
              aws_region, error_code, source_key, source_ordinal
       FROM ${src} WHERE ${w.sql()}),
     pg AS ${d.materialized} (SELECT * FROM e WHERE ${page.sql()} ORDER BY ms DESC, source_key, source_ordinal LIMIT ${f.limit + 1}),
     h AS (SELECT event_id, user_type, source_ip_address, request_parameters, response_elements, source_key, source_ordinal
           FROM ${src} WHERE ${w.sql()} AND source_key IN (SELECT source_key FROM pg))
     SELECT 'item' AS kind, h.event_id, pg.ms, pg.event_source, pg.event_name, pg.principal, h.user_type, h.source_ip_address,
            pg.aws_region, pg.error_code, h.request_parameters, h.response_elements, pg.source_key, pg.source_ordinal,
            ${text} AS value, ${num} AS n
     FROM pg JOIN h ON h.source_key = pg.source_key AND h.source_ordinal = pg.source_ordinal
     UNION ALL
     SELECT * FROM (SELECT ${aggRow("caller")} FROM (SELECT coalesce(principal, 'unknown') AS value, count(*) AS n FROM e
                    GROUP BY 1 ORDER BY n DESC, value LIMIT 10) c) c2
     UNION ALL
     SELECT * FROM (SELECT ${aggRow("denied")} FROM (
                    SELECT event_source || ' ' || event_name || ' (' || error_code || ')' AS value, count(*) AS n FROM e
                    WHERE error_code IN ('AccessDenied', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'AccessDeniedException')
                    GROUP BY 1 ORDER BY n DESC, value LIMIT 10) d) d2`;
  return { sql, params: [...w.params, ...page.params, ...w.params] };
}
