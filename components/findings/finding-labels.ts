/** How severities (1 = info … 5 = critical) and triage statuses look everywhere findings are shown. */
export const SEVERITY_COLORS: Record<number, string> = {
  1: "#94a3b8",
  2: "#38bdf8",
  3: "#facc15",
  4: "#f97316",
  5: "#e11d48",
};

export const SEVERITY_LABELS: Record<number, string> = { 1: "Info", 2: "Low", 3: "Medium", 4: "High", 5: "Critical" };

export const STATUS_LABELS: Record<string, string> = {
  new: "New",
  in_progress: "In progress",
  resolved: "Resolved",
  suppressed: "Suppressed",
};
