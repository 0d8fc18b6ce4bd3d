import type { LakeDialect } from "@/lib/ports/lake-query";
import type { FindingSummary } from "@/lib/schemas/findings";
import type { TriageStatus } from "@/lib/schemas/triage";

/**
 * Findings are observations in Parquet (a GuardDuty finding that repeats is a new row); a finding
 * is its latest observation, first seen = earliest, last seen = latest. Written with window
 * functions both engines have (Athena has no QUALIFY).
 */
export const currentFindingsSql = (
  d: LakeDialect,
  where: string,
  days?: { from: string; to: string },
  /** `list`: only what the findings list shows; `list+text` adds what free-text and resource filters read. */
  columns: "all" | "list" | "list+text" = "all",
) => `
  SELECT * FROM (
    SELECT finding_id, origin, finding_type, title, severity, severity_label,
      account_id, region, resource_type, resource_id, principal, event_count,
      ${
        columns === "list"
          ? ""
          : `description, ${d.listAsJson("any_instance_id")} AS any_instance_id, ${d.listAsJson("any_arn")} AS any_arn,`
      }
      ${
        columns === "all"
          ? `explanation, detail, ${d.listAsJson("matched_event_ids")} AS matched_event_ids, ${d.listAsJson("any_ip")} AS any_ip,
             ${d.listAsJson("any_access_key_id")} AS any_access_key_id, ${d.listAsJson("any_account_id")} AS any_account_id,`
          : ""
      }
      ${d.epochMs("min(first_seen) OVER (PARTITION BY finding_id)")} AS first_seen_ms,
      ${d.epochMs("max(last_seen) OVER (PARTITION BY finding_id)")} AS last_seen_ms,
      row_number() OVER (PARTITION BY finding_id ORDER BY updated_at DESC, source_key DESC, source_ordinal DESC) AS rn
    FROM ${d.table("findings", days)} WHERE ${where}
  ) f WHERE rn = 1`;

export interface FindingRow extends Record<string, unknown> {
  finding_id: string;
  origin: string;
  finding_type: string;
  title: string;
  description: string | null;
  explanation: string | null;
  severity: number;
  severity_label: string;
  account_id: string | null;
  region: string | null;
  resource_type: string | null;
  resource_id: string | null;
  principal: string | null;
  event_count: number | null;
  detail: string | null;
  matched_event_ids: string;
  any_ip: string;
  any_arn: string;
  any_instance_id: string;
  any_access_key_id: string;
  any_account_id: string;
  first_seen_ms: number;
  last_seen_ms: number;
  suppressed_by?: string | null;
}

export function toSummary(
  r: FindingRow,
  triage: { status: TriageStatus; assignee: string | null } | undefined,
): FindingSummary {
  return {
    findingId: r.finding_id,
    origin: r.origin,
    type: r.finding_type,
    title: r.title,
    severity: Number(r.severity),
    severityLabel: r.severity_label,
    accountId: r.account_id,
    region: r.region,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    principal: r.principal,
    firstSeen: new Date(Number(r.first_seen_ms)).toISOString(),
    lastSeen: new Date(Number(r.last_seen_ms)).toISOString(),
    count: Number(r.event_count ?? 1),
    status: triage && triage.status !== "new" ? triage.status : r.suppressed_by ? "suppressed" : "new",
    assignee: triage?.assignee ?? null,
    suppressedBy: r.suppressed_by ?? null,
  };
}

export const jsonList = (v: unknown): string[] => {
  if (typeof v !== "string") return [];
  try {
    const parsed = JSON.parse(v) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

/** A JSON text column's value, parsed (or the text itself when it is not JSON). */
export const parseJsonText = (v: unknown): unknown => {
  if (typeof v !== "string") return null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
};
