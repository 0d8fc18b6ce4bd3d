import { SEVERITY_COLORS, SEVERITY_LABELS } from "./finding-labels";

/** Critical's chart red is too light for a label on it; the badge uses a deeper red with white text (AA). */
const BADGE: Record<number, { background: string; color: string }> = { 5: { background: "#be123c", color: "#fff" } };

export function SeverityBadge({ severity }: { severity: number }) {
  return (
    <span
      className="inline-block rounded px-1.5 py-0.5 text-xs font-semibold text-slate-950"
      style={BADGE[severity] ?? { background: SEVERITY_COLORS[severity] }}
    >
      {SEVERITY_LABELS[severity] ?? severity}
    </span>
  );
}
