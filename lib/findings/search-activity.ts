import { type ActivityPage, ActivityQuery, type ActivityRow } from "@/lib/schemas/findings";
import { requireRole } from "@/lib/users/require-role";
import { parseJsonText } from "./finding-sql";
import { addWindow, decodeCursor, encodeCursor, resolveWindow, Where } from "./lake-window";
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
    w.add(
      `user_arn = ? OR user_name = ? OR principal_id = ? OR access_key_id = ? OR ${d.containsText("user_arn")}`,
      f.principal,
      f.principal,
      f.principal,
      f.principal,
      f.principal,
    );
  }
  if (f.eventName) w.add("event_name = ?", f.eventName);
  if (f.eventSource) w.add("event_source = ?", f.eventSource);
  if (f.sourceIp) w.add("source_ip_address = ?", f.sourceIp);
  if (f.errorCode) w.add("error_code = ?", f.errorCode);
  if (f.region) w.add("aws_region = ?", f.region);
  const src = d.table("cloudtrail");

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
  const [items, callers, denied] = await Promise.all([
    ctx.lake.query<Row>(
      `SELECT * FROM (
         SELECT event_id, ${d.epochMs("event_time")} AS ms, event_source, event_name, coalesce(user_arn, user_name) AS principal,
                user_type, source_ip_address, aws_region, error_code, request_parameters, response_elements, source_key, source_ordinal
         FROM ${src} WHERE ${w.sql()}) e
       WHERE ${page.sql()} ORDER BY ms DESC, source_key, source_ordinal LIMIT ${f.limit + 1}`,
      [...w.params, ...page.params],
    ),
    ctx.lake.query<{ value: string; n: number }>(
      `SELECT coalesce(user_arn, user_name, 'unknown') AS value, count(*) AS n FROM ${src} WHERE ${w.sql()}
       GROUP BY 1 ORDER BY n DESC, value LIMIT 10`,
      w.params,
    ),
    ctx.lake.query<{ value: string; n: number }>(
      `SELECT event_source || ' ' || event_name || ' (' || error_code || ')' AS value, count(*) AS n FROM ${src}
       WHERE ${w.sql()} AND error_code IN ('AccessDenied', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'AccessDeniedException')
       GROUP BY 1 ORDER BY n DESC, value LIMIT 10`,
      w.params,
    ),
  ]);
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
    topCallers: callers.rows.map((r) => ({ value: r.value, count: Number(r.n) })),
    topDenied: denied.rows.map((r) => ({ value: r.value, count: Number(r.n) })),
    window: win,
    stats: combineStats(ctx.lake, [items.stats, callers.stats, denied.stats], true),
  };
}
