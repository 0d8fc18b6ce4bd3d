import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { formatPercent, formatWhen } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import type { RuleSummary } from "@/lib/schemas/detections";
import { FALSE_POSITIVE_HELP, kindLabel, tacticName } from "./rule-labels";

function RuleRow({ r }: { r: RuleSummary }) {
  return (
    <tr className={ROW} data-testid={`rule-row-${r.id}`}>
      <td className={td}>
        <Link
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
          href={`/rules/${encodeURIComponent(r.id)}`}
        >
          {r.title}
        </Link>
        <div className="text-xs text-slate-500">
          {r.id}
          {r.exceptions.length ? ` · ${r.exceptions.length} exception${r.exceptions.length > 1 ? "s" : ""}` : ""}
        </div>
      </td>
      <td className={td}>{tacticName(r.tactic)}</td>
      <td className={td}>{kindLabel(r.kind)}</td>
      <td className={td}>
        <SeverityBadge severity={r.severity} />
        {r.severity !== r.defaultSeverity ? <span className="ml-1 text-xs text-slate-500">(overridden)</span> : null}
      </td>
      <td className={td} data-testid="rule-enabled">
        {r.enabled ? "On" : "Off"}
      </td>
      <td className={`${td} tabular-nums`}>
        {r.hits24h} / {r.hits7d}
      </td>
      <td className={`${td} tabular-nums`} title={`${r.falsePositives30d} of ${r.findings30d} findings`}>
        {formatPercent(r.falsePositiveShare, 0)}
      </td>
      <td className={td}>{formatWhen(r.lastFired)}</td>
    </tr>
  );
}

/** Every rule the filter keeps, one row each. */
export function RulesTable({ rules }: { rules: RuleSummary[] }) {
  return (
    <ScrollArea className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="rules-table">
        <thead className={THEAD}>
          <tr>
            <th className={th}>Rule</th>
            <th className={th}>Tactic</th>
            <th className={th}>Kind</th>
            <th className={th}>Severity</th>
            <th className={th}>Enabled</th>
            <th className={th} title="Findings last seen in the past 24 hours / 7 days">
              Hits 24 h / 7 d
            </th>
            <th className={th} title={FALSE_POSITIVE_HELP}>
              <span className="cursor-help underline decoration-dotted underline-offset-4">False positives (30 d)</span>
            </th>
            <th className={th}>Last fired</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <RuleRow key={r.id} r={r} />
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
