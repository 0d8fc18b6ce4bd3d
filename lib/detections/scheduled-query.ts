import type { LakeDialect, LakeParam } from "@/lib/ports/lake-query";
import type { ScheduledTable, SequenceRule, ThresholdRule } from "./rule";

/** The span of event time one evaluation reads, and the `dt` partitions that hold it. */
export interface Span {
  fromMs: number;
  toMs: number;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TIME: Record<ScheduledTable, string> = { cloudtrail: "event_time", vpcflow: "start_time" };

/** What each table contributes to a finding (indicator lists as JSON text, so both engines agree). */
function columnsOf(table: ScheduledTable, d: LakeDialect): string {
  const lists = ["any_ip", "any_arn", "any_instance_id", "any_access_key_id", "any_account_id"];
  const common = `source_key, source_ordinal, ${d.epochMs(TIME[table])} AS t`;
  if (table === "vpcflow")
    return `${common}, source_key || '#' || CAST(source_ordinal AS VARCHAR) AS id, srcaddr, dstaddr, srcport, dstport, action, interface_id, account_id, region, ${d.listAsJson("any_ip")} AS any_ip`;
  return `${common}, event_id AS id, event_id, event_name, event_source, user_type, user_arn, user_name, source_ip_address, recipient_account_id, user_account_id, aws_region, ${lists.map((c) => `${d.listAsJson(c)} AS ${c}`).join(", ")}`;
}

/** The events of one table matching `where` in the span, with their key. */
function matching(d: LakeDialect, table: ScheduledTable, where: string, key: string, span: Span) {
  const sql = `SELECT ${key} AS k, ${columnsOf(table, d)} FROM ${d.table(table, { from: day(span.fromMs), to: day(span.toMs) })}
    WHERE dt BETWEEN ? AND ? AND ${TIME[table]} >= ${d.msToTimestamp("?")} AND ${TIME[table]} < ${d.msToTimestamp("?")} AND (${where})`;
  const params: LakeParam[] = [day(span.fromMs), day(span.toMs), span.fromMs, span.toMs];
  return { sql, params };
}

/**
 * One statement for a threshold rule, the same on DuckDB and Athena: the matching events of the
 * keys that reach the threshold anywhere in the span (the window itself is found in order, after).
 */
export function thresholdQuery(rule: ThresholdRule, d: LakeDialect, span: Span): { sql: string; params: LakeParam[] } {
  const m = matching(d, rule.table, rule.where(d), rule.key(d), span);
  return {
    sql: `WITH m AS (${m.sql}), hot AS (SELECT k FROM m GROUP BY k HAVING count(*) >= ?)
      SELECT m.* FROM m JOIN hot ON m.k = hot.k ORDER BY m.k, m.t, m.id`,
    params: [...m.params, rule.threshold],
  };
}

/** One statement for a sequence rule: every step's events in the span, tagged with the step's index. */
export function sequenceQuery(rule: SequenceRule, d: LakeDialect, span: Span): { sql: string; params: LakeParam[] } {
  const parts = rule.steps.map((s, i) => {
    const m = matching(d, s.table, s.where(d), s.key(d), span);
    return { sql: `SELECT ${i} AS step, x.* FROM (${m.sql}) x`, params: m.params };
  });
  return {
    sql: `${parts.map((p) => p.sql).join("\nUNION ALL\n")}\nORDER BY k, t, step`,
    params: parts.flatMap((p) => p.params),
  };
}
