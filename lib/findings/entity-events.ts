import type { LakeDialect, LakeParam } from "@/lib/ports/lake-query";
import type { ActivityEvent, EntityKind } from "@/lib/schemas/activity";
import { addWindow, daysOf, Where, type Window } from "./lake-window";

export const INDICATOR_COLUMN: Record<EntityKind, string> = {
  ip: "any_ip",
  arn: "any_arn",
  instance: "any_instance_id",
  "access-key": "any_access_key_id",
};

export interface EntityMatch {
  kind: EntityKind;
  value: string;
}

interface EventRow extends Record<string, unknown> {
  source: ActivityEvent["source"];
  event_id: string | null;
  ms: number;
  summary: string | null;
  principal: string | null;
  source_ip: string | null;
  error_code: string | null;
  region: string | null;
}

/**
 * One timeline across CloudTrail, VPC Flow Logs and findings for rows whose indicator arrays
 * hold any of `entities`, newest first. One query (UNION ALL), each branch pruned to the window.
 */
export function entityEventsQuery(
  d: LakeDialect,
  entities: readonly EntityMatch[],
  win: Window,
  limit: number,
): { sql: string; params: LakeParam[] } {
  const params: LakeParam[] = [];
  const branch = (table: "cloudtrail" | "vpcflow" | "findings", time: string, select: string) => {
    const w = addWindow(new Where(), d, time, win);
    w.add(entities.map((e) => d.listContains(INDICATOR_COLUMN[e.kind])).join(" OR "), ...entities.map((e) => e.value));
    params.push(...w.params);
    return `SELECT ${select}, ${d.epochMs(time)} AS ms FROM ${d.table(table, daysOf(win))} WHERE ${w.sql()}`;
  };
  const sql = [
    branch(
      "cloudtrail",
      "event_time",
      `'cloudtrail' AS source, event_id, event_source || ' ' || event_name AS summary, coalesce(user_arn, user_name) AS principal,
       source_ip_address AS source_ip, error_code, aws_region AS region`,
    ),
    branch(
      "vpcflow",
      "start_time",
      `'vpcflow' AS source, CAST(NULL AS VARCHAR) AS event_id,
       coalesce(action, '') || ' ' || coalesce(srcaddr, '-') || ':' || coalesce(CAST(srcport AS VARCHAR), '-') || ' → ' ||
       coalesce(dstaddr, '-') || ':' || coalesce(CAST(dstport AS VARCHAR), '-') AS summary,
       interface_id AS principal, srcaddr AS source_ip, CAST(NULL AS VARCHAR) AS error_code, region`,
    ),
    branch(
      "findings",
      "updated_at",
      `'finding' AS source, finding_id AS event_id, title AS summary, principal, CAST(NULL AS VARCHAR) AS source_ip,
       CAST(NULL AS VARCHAR) AS error_code, region`,
    ),
  ].join("\n UNION ALL \n");
  return { sql: `SELECT * FROM (${sql}) u ORDER BY ms DESC LIMIT ${limit}`, params };
}

export const toActivityEvent = (r: EventRow): ActivityEvent => ({
  eventId: r.event_id,
  time: new Date(Number(r.ms)).toISOString(),
  source: r.source,
  summary: r.summary ?? "",
  principal: r.principal,
  sourceIp: r.source_ip,
  errorCode: r.error_code,
  region: r.region,
});
export type { EventRow };
