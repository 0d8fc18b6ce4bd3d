import type { ReviewGroup } from "@/lib/schemas/applications";

/**
 * Which queue a new review item joins and how urgent it is, from what the workflow sent: a
 * containment approval is as urgent as its GuardDuty finding (7+ high, 4+ normal, else low); an
 * application whose name is on the screening list comes before other flagged ones. Priorities run
 * 0–100 with 50 normal, as in Camunda.
 */
export function routeReview(t: { workflow: string; payload: unknown; reasons: { rule: string }[] }): {
  priority: number;
  candidateGroup: ReviewGroup;
} {
  if (t.workflow === "application-review")
    return {
      candidateGroup: "compliance",
      priority: t.reasons.some((r) => r.rule === "name.denylist") ? 75 : 50,
    };
  const finding = (t.payload as { finding?: { severity?: unknown } } | null)?.finding;
  const severity = typeof finding?.severity === "number" ? finding.severity : null;
  return {
    candidateGroup: "security-oncall",
    priority: severity === null ? 50 : severity >= 7 ? 90 : severity >= 4 ? 60 : 30,
  };
}
