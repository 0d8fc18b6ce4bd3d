import { createHash } from "node:crypto";
import type { DetectionRule } from "./detection-rules";
import { SEVERITY_LABELS } from "./severity";
import type { LakeRow } from "./tables";

const findingId = (rule: string, key: string) =>
  `sl-${rule}-${createHash("sha256").update(`${rule}\n${key}`).digest("hex").slice(0, 24)}`;

const INDICATOR_COLUMNS = ["any_ip", "any_arn", "any_instance_id", "any_access_key_id", "any_account_id"] as const;
type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

/** Every indicator of the events, per column, in the order first seen. */
function mergeIndicators(events: LakeRow[]): Record<IndicatorColumn, string[]> {
  const merged = Object.fromEntries(INDICATOR_COLUMNS.map((k) => [k, new Set<string>()])) as Record<
    IndicatorColumn,
    Set<string>
  >;
  for (const e of events) for (const k of INDICATOR_COLUMNS) for (const v of (e[k] as string[]) ?? []) merged[k].add(v);
  return Object.fromEntries(INDICATOR_COLUMNS.map((k) => [k, [...merged[k]]])) as Record<IndicatorColumn, string[]>;
}

/**
 * The `findings` row a rule raises for its matching events. `key` names what matched (an event,
 * or an actor and window), so the finding id is the same every time the same events match.
 */
export function buildFinding(
  rule: Pick<DetectionRule, "id" | "title" | "severity" | "explanation">,
  events: LakeRow[],
  key: string,
): LakeRow {
  const first = events[0] as LakeRow;
  const times = events.map((e) => Number(e.event_time));
  const merged = mergeIndicators(events);
  return {
    finding_id: findingId(rule.id, key),
    origin: "sightline",
    finding_type: `Sightline:${rule.id}`,
    title: rule.title,
    description: `${rule.title}: ${first.event_name} by ${first.user_arn ?? first.user_name ?? "unknown principal"} from ${first.source_ip_address ?? "unknown source"}`,
    explanation: rule.explanation,
    severity_vendor: null,
    severity: rule.severity,
    severity_label: SEVERITY_LABELS[rule.severity],
    account_id: first.recipient_account_id ?? first.user_account_id ?? null,
    region: first.aws_region ?? null,
    resource_type: first.user_type === "Root" ? "Root" : "AwsPrincipal",
    resource_id: first.user_arn ?? first.user_name ?? null,
    principal: first.user_arn ?? first.user_name ?? null,
    first_seen: Math.min(...times),
    last_seen: Math.max(...times),
    updated_at: Math.max(...times),
    event_count: events.length,
    matched_event_ids: events.map((e) => String(e.event_id ?? `${e.source_key}#${e.source_ordinal}`)),
    detail: JSON.stringify({
      rule: rule.id,
      events: events.slice(0, 20).map((e) => ({
        event_id: e.event_id,
        event_name: e.event_name,
        event_time: e.event_time,
        source_ip_address: e.source_ip_address,
      })),
    }),
    any_ip: merged.any_ip,
    any_arn: merged.any_arn,
    any_instance_id: merged.any_instance_id,
    any_access_key_id: merged.any_access_key_id,
    any_account_id: merged.any_account_id,
    source_key: first.source_key ?? null,
    source_ordinal: first.source_ordinal ?? null,
  };
}
