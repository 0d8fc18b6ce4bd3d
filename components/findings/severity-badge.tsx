import { SEVERITY_COLORS, SEVERITY_LABELS } from "./finding-labels";

export function SeverityBadge({ severity }: { severity: number }) {
  return (
    <span
      className="inline-block rounded px-1.5 py-0.5 text-xs font-semibold text-slate-950"
      style={{ background: SEVERITY_COLORS[severity] }}
    >
      {SEVERITY_LABELS[severity] ?? severity}
    </span>
  );
}
