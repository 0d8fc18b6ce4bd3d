import { ALL_RULES } from "@/lib/detections/catalog";
import { GUARDDUTY_TACTICS } from "@/lib/detections/guardduty-tactics";
import type { LakeDialect } from "@/lib/ports/lake-query";
import type { FindingsQuery } from "@/lib/schemas/findings";
import type { TriageStatus } from "@/lib/schemas/triage";
import { Where } from "./lake-window";

/** One SQL condition with the values for its `?` placeholders, in order. */
export interface SqlCondition {
  sql: string;
  params: string[];
}

/** Every status, or none, narrows nothing: the triage overlay need not be read. */
export const filtersByStatus = (statuses: TriageStatus[] | undefined): statuses is TriageStatus[] =>
  !!statuses?.length && statuses.length !== 4;

/**
 * A finding's status is the analyst's (relational overlay) when set; otherwise "suppressed" when a
 * suppression rule matches (the lake query's `suppressed_by`), else "new". A status filter becomes
 * id conditions for the triaged findings and a `suppressed_by` test for the rest.
 */
export function statusCondition(
  statuses: readonly TriageStatus[],
  triaged: ReadonlyMap<string, TriageStatus>,
): SqlCondition {
  const wanted = new Set(statuses);
  const ids = [...triaged.keys()];
  const include = [...triaged].filter(([, s]) => wanted.has(s)).map(([id]) => id);
  const untriaged =
    wanted.has("new") && wanted.has("suppressed")
      ? "true"
      : wanted.has("new")
        ? "suppressed_by IS NULL"
        : wanted.has("suppressed")
          ? "suppressed_by IS NOT NULL"
          : "false";
  const list = (xs: string[]) => xs.map(() => "?").join(", ");
  const parts: string[] = [];
  const params: string[] = [];
  if (include.length) {
    parts.push(`finding_id IN (${list(include)})`);
    params.push(...include);
  }
  parts.push(ids.length ? `(finding_id NOT IN (${list(ids)}) AND ${untriaged})` : untriaged);
  params.push(...ids);
  return { sql: parts.join(" OR "), params };
}

/**
 * Findings of one ATT&CK tactic: Sightline's of the built-in rules with that tactic, and GuardDuty's
 * whose finding-type family maps to it (`Recon:%` → discovery). Values travel as parameters.
 */
export function tacticCondition(tactic: NonNullable<FindingsQuery["tactic"]>): SqlCondition {
  const types = ALL_RULES.filter((r) => r.tactic === tactic).map((r) => `Sightline:${r.id}`);
  const families = Object.entries(GUARDDUTY_TACTICS)
    .filter(([, t]) => t === tactic)
    .map(([family]) => `${family}:%`);
  const parts = [
    ...(types.length ? [`finding_type IN (${types.map(() => "?").join(", ")})`] : []),
    ...families.map(() => "finding_type LIKE ?"),
  ];
  return { sql: parts.length ? parts.join(" OR ") : "false", params: [...types, ...families] };
}

/** The filter's conditions over the current findings (after `suppressed_by` is known). */
export function findingsFilter(d: LakeDialect, f: FindingsQuery, status: SqlCondition | null): Where {
  const filter = new Where();
  if (f.severity?.length) filter.add(`severity IN (${f.severity.map(() => "?").join(", ")})`, ...f.severity);
  if (f.type) filter.add(d.containsText("finding_type"), f.type);
  if (f.account) filter.add("account_id = ?", f.account);
  if (f.region) filter.add("region = ?", f.region);
  if (f.rule) filter.add("finding_type = ?", `Sightline:${f.rule}`);
  if (f.tactic) {
    const tactic = tacticCondition(f.tactic);
    filter.add(tactic.sql, ...tactic.params);
  }
  const { resource, q } = f;
  if (resource) {
    // In the current-findings view the indicator lists are JSON text, so a substring test covers them too.
    const cols = ["resource_id", "any_instance_id", "any_arn"];
    filter.add(cols.map((c) => d.containsText(c)).join(" OR "), ...cols.map(() => resource));
  }
  if (q) {
    const cols = ["title", "finding_type", "resource_id", "principal", "description"];
    filter.add(cols.map((c) => d.containsText(c)).join(" OR "), ...cols.map(() => q));
  }
  if (status) filter.add(status.sql, ...status.params);
  return filter;
}
