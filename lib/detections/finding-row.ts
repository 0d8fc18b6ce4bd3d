import { createHash } from "node:crypto";
import { SEVERITY_LABELS } from "@/lib/lake/severity";
import type { LakeRow } from "@/lib/lake/tables";
import type { RuleMeta } from "./rule";

/** Finding ids are the same every time the same rule matches the same thing: re-runs never duplicate. */
export const detectionFindingId = (ruleId: string, key: string) =>
  `sl-${ruleId}-${createHash("sha256").update(`${ruleId}\n${key}`).digest("hex").slice(0, 24)}`;

const INDICATOR_COLUMNS = ["any_ip", "any_arn", "any_instance_id", "any_access_key_id", "any_account_id"] as const;

/** Every indicator of the events, per column, in the order first seen. */
function mergeIndicators(events: readonly LakeRow[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of INDICATOR_COLUMNS) {
    const seen = new Set<string>();
    for (const e of events) for (const v of (e[k] as string[] | null) ?? []) seen.add(v);
    out[k] = [...seen];
  }
  return out;
}

/** The id of an event in any lake table: CloudTrail's own id, else where it was read from. */
export const eventIdOf = (e: LakeRow) => String(e.event_id ?? `${e.source_key}#${e.source_ordinal}`);

/** What a finding says it is about: who, what resource, in which account and region. */
export interface FindingSubject {
  description: string;
  accountId: string | null;
  region: string | null;
  resourceType: string;
  resourceId: string | null;
  principal: string | null;
  timeOf: (e: LakeRow) => number;
}

/**
 * The `findings` row a rule raises for its matching events (`key` names what matched). The detail
 * JSON carries the rule's id, version, tactic and techniques, the events' summaries and, for a
 * sequence, its steps in order.
 */
export function buildDetectionFinding(
  rule: RuleMeta,
  events: readonly LakeRow[],
  key: string,
  subject: FindingSubject,
  extraDetail: Record<string, unknown> = {},
): LakeRow {
  const first = events[0] as LakeRow;
  const times = events.map(subject.timeOf);
  return {
    finding_id: detectionFindingId(rule.id, key),
    origin: "sightline",
    finding_type: `Sightline:${rule.id}`,
    title: rule.title,
    description: subject.description,
    explanation: rule.description,
    severity_vendor: null,
    severity: rule.severity,
    severity_label: SEVERITY_LABELS[rule.severity],
    account_id: subject.accountId,
    region: subject.region,
    resource_type: subject.resourceType,
    resource_id: subject.resourceId,
    principal: subject.principal,
    first_seen: Math.min(...times),
    last_seen: Math.max(...times),
    updated_at: Math.max(...times),
    event_count: events.length,
    matched_event_ids: events.map(eventIdOf),
    detail: JSON.stringify({
      rule: rule.id,
      version: rule.version,
      tactic: rule.tactic,
      techniques: rule.techniques,
      events: events.slice(0, 20).map((e) => ({
        event_id: eventIdOf(e),
        event_name: e.event_name ?? null,
        event_time: subject.timeOf(e),
        source_ip_address: e.source_ip_address ?? e.srcaddr ?? null,
      })),
      ...extraDetail,
    }),
    ...mergeIndicators(events),
    source_key: first.source_key ?? null,
    source_ordinal: first.source_ordinal ?? null,
  };
}

/** A CloudTrail event's subject: the acting principal, or a resource the rule names. */
export const trailSubject = (first: LakeRow, title: string, resource?: { type: string; id: string | null }) => ({
  description: `${title}: ${first.event_name} by ${first.user_arn ?? first.user_name ?? "unknown principal"} from ${first.source_ip_address ?? "unknown source"}`,
  accountId: (first.recipient_account_id ?? first.user_account_id ?? null) as string | null,
  region: (first.aws_region ?? null) as string | null,
  resourceType: resource?.type ?? (first.user_type === "Root" ? "Root" : "AwsPrincipal"),
  resourceId: resource ? resource.id : ((first.user_arn ?? first.user_name ?? null) as string | null),
  principal: (first.user_arn ?? first.user_name ?? null) as string | null,
  timeOf: (e: LakeRow) => Number(e.event_time),
});

/** A flow record's subject: the remote address talking to the interface. */
export const flowSubject = (first: LakeRow, title: string) => ({
  description: `${title}: ${first.srcaddr}:${first.srcport} → ${first.dstaddr}:${first.dstport} (${first.action})`,
  accountId: (first.account_id ?? null) as string | null,
  region: (first.region ?? null) as string | null,
  resourceType: "NetworkInterface",
  resourceId: (first.interface_id ?? null) as string | null,
  principal: null,
  timeOf: (e: LakeRow) => Number(e.start_time),
});
