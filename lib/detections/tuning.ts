import type { Severity } from "@/lib/lake/severity";
import type { LakeRow } from "@/lib/lake/tables";
import type { Queryable } from "@/lib/ports/database";
import { ALL_RULES } from "./catalog";

/**
 * Admins' tuning of the built-in rules, as plain data (it travels to the ETL's worker threads):
 * rules turned off, severities of their own, and exceptions — a principal, resource or address a
 * rule no longer raises for. Applied by the engines, not only shown in the UI.
 */
export interface DetectionTuning {
  disabled: string[];
  severity: Record<string, Severity>;
  exceptions: { ruleId: string; kind: "principal" | "resource" | "ip"; value: string }[];
}

export const NO_TUNING: DetectionTuning = { disabled: [], severity: {}, exceptions: [] };

/** The tuning in force now: enabled flags, severities and exceptions that have not expired. */
export async function loadTuning(db: Queryable): Promise<DetectionTuning> {
  const settings = await db.query<{ rule_id: string; enabled: boolean; severity: number | null }>(
    "SELECT rule_id, enabled, severity FROM detection_rule_settings",
  );
  const exceptions = await db.query<{ rule_id: string; kind: "principal" | "resource" | "ip"; value: string }>(
    "SELECT rule_id, kind, value FROM detection_exceptions WHERE deleted_at IS NULL AND (expires_at IS NULL OR expires_at > now())",
  );
  const set = new Map(settings.map((s) => [s.rule_id, s.enabled]));
  return {
    // Off: turned off by an admin (any rule, Sigma ones too), or off by default and never turned on.
    disabled: [
      ...new Set([
        ...settings.filter((s) => !s.enabled).map((s) => s.rule_id),
        ...ALL_RULES.filter((r) => !(set.get(r.id) ?? r.enabledByDefault !== false)).map((r) => r.id),
      ]),
    ],
    severity: Object.fromEntries(settings.flatMap((s) => (s.severity ? [[s.rule_id, s.severity as Severity]] : []))),
    exceptions: exceptions.map((e) => ({ ruleId: e.rule_id, kind: e.kind, value: e.value })),
  };
}

/** What an event says about who, what and where — the things exceptions name. */
export interface EventFacts {
  principal: string | null;
  resource: string | null;
  ip: string | null;
}

/** An event's facts: the acting principal (ARN and user name), the resource, the address. */
export const factsOf = (row: LakeRow, resource: string | null = null): EventFacts => ({
  principal: (row.user_arn ?? row.user_name ?? null) as string | null,
  resource: resource ?? ((row.interface_id ?? null) as string | null),
  ip: (row.source_ip_address ?? row.srcaddr ?? null) as string | null,
});

/** A value matches an exception exactly, or by prefix when the exception ends in `*`. */
const matches = (pattern: string, value: string | null) =>
  value !== null && (pattern.endsWith("*") ? value.startsWith(pattern.slice(0, -1)) : value === pattern);

/** Whether the rule may raise for an event with these facts. */
export function allows(tuning: DetectionTuning, ruleId: string, facts: EventFacts, row?: LakeRow): boolean {
  if (tuning.disabled.includes(ruleId)) return false;
  return !tuning.exceptions.some(
    (x) =>
      x.ruleId === ruleId &&
      (matches(x.value, facts[x.kind]) ||
        // A principal exception names a user by ARN or by name.
        (x.kind === "principal" && matches(x.value, (row?.user_name ?? null) as string | null))),
  );
}

export const severityOf = (tuning: DetectionTuning, rule: { id: string; severity: Severity }): Severity =>
  tuning.severity[rule.id] ?? rule.severity;
