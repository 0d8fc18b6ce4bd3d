import { SEVERITY_COLORS, SEVERITY_LABELS } from "./finding-labels";

/** Critical's chart red is too light for a label on it; the badge uses a deeper red with white text (AA). */
const OWN_STYLE: Record<number, { background: string; color: string }> = {
  5: { background: "#be123c", color: "#fff" },
};

/** The badge's colours: the chart colour with near-black text, unless the severity has its own. */
export const badgeStyle = (severity: number) =>
  OWN_STYLE[severity] ?? { background: SEVERITY_COLORS[severity] ?? "#94a3b8", color: "#020617" };

export function SeverityBadge({ severity }: { severity: number }) {
  return (
    <span className="inline-block rounded px-1.5 py-0.5 text-xs font-semibold" style={badgeStyle(severity)}>
      {SEVERITY_LABELS[severity] ?? severity}
    </span>
  );
}
