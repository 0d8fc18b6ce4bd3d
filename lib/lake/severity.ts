/** OCSF severity ids used across Sightline. */
export const SEVERITY_LABELS = { 1: "Informational", 2: "Low", 3: "Medium", 4: "High", 5: "Critical" } as const;
export type Severity = keyof typeof SEVERITY_LABELS;

/**
 * GuardDuty's 0.1–10 score to OCSF: Low 1.0–3.9 → 2, Medium 4.0–6.9 → 3, High 7.0–8.9 → 4,
 * Critical 9.0–10 → 5; below 1 (not used by GuardDuty today) → 1.
 */
export function guardDutySeverity(score: number): Severity {
  if (!Number.isFinite(score) || score < 1) return 1;
  if (score < 4) return 2;
  if (score < 7) return 3;
  if (score < 9) return 4;
  return 5;
}
