import { TACTICS, type TacticId } from "@/lib/schemas/attack";
import { RULE_KIND_LABELS, type RuleKind, type RuleSummary } from "@/lib/schemas/detections";

/** How rules read across the rule pages and the finding page. */

export const tacticName = (t: TacticId | null) => (t ? TACTICS[t].name : "—");
export const kindLabel = (k: RuleKind) => RULE_KIND_LABELS[k];

/** ATT&CK's page for a technique or sub-technique (`T1098.001` → `/techniques/T1098/001/`). */
export const techniqueUrl = (id: string) => `https://attack.mitre.org/techniques/${id.replace(".", "/")}/`;
export const tacticUrl = (t: TacticId) => `https://attack.mitre.org/tactics/${TACTICS[t].id}/`;

/** How the false-positive share is counted (the list's column tooltip says exactly this). */
export const FALSE_POSITIVE_HELP =
  "Of this rule's findings last seen in the past 30 days, the share that an analyst suppressed, " +
  'resolved with a reason saying "false positive" (or benign, expected, FP), or that a suppression ' +
  "rule hides while no analyst has set a status. Findings resolved without such a reason are not counted as false positives.";

export interface RuleFilter {
  tactic: TacticId | "";
  kind: RuleKind | "";
  q: string;
}

/** The rules the filter keeps: its tactic, its kind, and text found in the id, title or a technique. */
export function filterRules(rules: readonly RuleSummary[], f: RuleFilter): RuleSummary[] {
  const q = f.q.trim().toLowerCase();
  return rules.filter(
    (r) =>
      (!f.tactic || r.tactic === f.tactic) &&
      (!f.kind || r.kind === f.kind) &&
      (!q || [r.id, r.title, ...r.techniques].some((s) => s.toLowerCase().includes(q))),
  );
}
