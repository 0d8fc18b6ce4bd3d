import { type ActivityPage, ActivityQuery, type ActivityRow } from "@/lib/schemas/findings";
import { requireRole } from "@/lib/auth/require-role";
import { parseJsonText } from "./finding-sql";
import { addWindow, daysOf, decodeCursor, encodeCursor, resolveWindow, Where } from "./lake-window";
import { FINDINGS_ROLES, type LakeCtx } from "./list-findings";
import { combineStats } from "./query-stats";

interface Row extends Record<string, unknown> {
  event_id: string | null;
  ms: number;
  event_source: string;
  event_name: string;
  principal: string | null;
  user_type: string | null;
  source_ip_address: string | null;
  aws_region: string | null;
  error_code: string | null;
  request_parameters: string | null;
  response_elements: string | null;
  source_key: string;
  source_ordinal: number;
}

/** CloudTrail search: a page of events for the filter, plus top callers and top denied calls. */
export async function searchActivity({ ctx, input }: { ctx: LakeCtx; input: unknown }): Promise<ActivityPage> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const f = ActivityQuery.parse(input);
  const d = ctx.lake.dialect;
  const win = resolveWindow(f);
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
  const src = d.table("cloudtrail", daysOf(win));

  const page = new Where();
  const cursor = decodeCursor(f.cursor, ["number", "string", "number"]);
  if (cursor) {
    const [ms, key, ord] = cursor as [number, string, number];
    page.add(
      "ms < ? OR (ms = ? AND (source_key > ? OR (source_key = ? AND source_ordinal > ?)))",
      ms,
      ms,
      key,
      key,
      ord,
    );
  }
  // The filtered events are read once with light columns only (paging, top callers, top denied
  // come from that); the heavy columns (ids, JSON parts) are fetched for the page's rows alone,
  // from the few objects they came from.
  const text = "CAST(NULL AS VARCHAR)";
  const num = "CAST(NULL AS BIGINT)";
  const aggRow = (kind: string) =>
    `'${kind}' AS kind, ${[text, num, text, text, text, text, text, text, text, text, text, text, num].join(", ")}, value, n`;
  const res = await ctx.lake.query<
    Row & { kind: "item" | "caller" | "denied"; value: string | null; n: number | null }
  >(
    `WITH e AS ${d.materialized} (
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
                    GROUP BY 1 ORDER BY n DESC, value LIMIT 10) d) d2`,
    [...w.params, ...page.params, ...w.params],
  );
  const items = { rows: res.rows.filter((r) => r.kind === "item") };
  const callers = { rows: res.rows.filter((r) => r.kind === "caller").sort((x, y) => Number(y.n) - Number(x.n)) };
  const denied = { rows: res.rows.filter((r) => r.kind === "denied").sort((x, y) => Number(y.n) - Number(x.n)) };
  const itemOrder = (x: Row, y: Row) =>
    Number(y.ms) - Number(x.ms) ||
    (x.source_key < y.source_key ? -1 : x.source_key > y.source_key ? 1 : 0) ||
    Number(x.source_ordinal) - Number(y.source_ordinal);
  items.rows.sort(itemOrder);
  const more = items.rows.length > f.limit;
  const rows = items.rows.slice(0, f.limit);
  const last = rows.at(-1);
  return {
    items: rows.map(
      (r): ActivityRow => ({
        eventId: r.event_id,
        time: new Date(Number(r.ms)).toISOString(),
        eventSource: r.event_source,
        eventName: r.event_name,
        principal: r.principal,
        userType: r.user_type,
        sourceIp: r.source_ip_address,
        region: r.aws_region,
        errorCode: r.error_code,
        requestParameters: parseJsonText(r.request_parameters),
        responseElements: parseJsonText(r.response_elements),
      }),
    ),
    nextCursor: more && last ? encodeCursor([Number(last.ms), last.source_key, Number(last.source_ordinal)]) : null,
    topCallers: callers.rows.map((r) => ({ value: String(r.value), count: Number(r.n) })),
    topDenied: denied.rows.map((r) => ({ value: String(r.value), count: Number(r.n) })),
    window: win,
    stats: combineStats(ctx.lake, [res.stats], true),
  };
}
