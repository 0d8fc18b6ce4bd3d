import type { FindingDetection } from "@/lib/schemas/findings";
import { ALL_RULES } from "./catalog";
import { guardDutyTactic } from "./guardduty-tactics";
import { TACTIC_NAMES, type Tactic } from "./tactics";

const SIGHTLINE = "Sightline:";
const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

const record = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const tacticOf = (v: unknown): Tactic | null => TACTIC_NAMES.find((t) => t === v) ?? null;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** A sequence finding's steps in order, as the scheduler wrote them into its detail. */
function stepsOf(detail: Record<string, unknown>): FindingDetection["steps"] {
  if (detail.sequence !== true || !Array.isArray(detail.steps)) return [];
  return detail.steps
    .map(record)
    .map((s) => ({
      step: Number(s.step),
      title: String(s.title ?? ""),
      eventId: typeof s.event_id === "string" ? s.event_id : null,
      eventName: typeof s.event_name === "string" ? s.event_name : null,
      at: Number.isFinite(Number(s.at)) ? new Date(Number(s.at)).toISOString() : null,
    }))
    .sort((a, b) => a.step - b.step);
}

/**
 * What detected a finding: for Sightline's own, the rule (title, tactic, techniques, runbook; a
 * rule no longer in the catalog — a Sigma rule — is described by what its finding carries), and a
 * sequence's steps; for GuardDuty's, the tactic its finding-type family maps to.
 */
export function findingDetection(findingType: string, detailValue: unknown): FindingDetection | null {
  const detail = record(detailValue);
  if (findingType.startsWith(SIGHTLINE)) {
    const ruleId = findingType.slice(SIGHTLINE.length);
    const rule = BY_ID.get(ruleId);
    return {
      origin: "sightline",
      ruleId,
      ruleTitle: rule?.title ?? null,
      tactic: rule?.tactic ?? tacticOf(detail.tactic),
      techniques: rule?.techniques ?? strings(detail.techniques),
      runbook: rule?.runbook ?? null,
      steps: stepsOf(detail),
    };
  }
  const tactic = guardDutyTactic(findingType);
  if (!tactic) return null;
  return { origin: "guardduty", ruleId: null, ruleTitle: null, tactic, techniques: [], runbook: null, steps: [] };
}
