import Link from "next/link";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { formatPercent, formatWhen } from "@/components/ui/format";
import type { RuleDetail } from "@/lib/schemas/detections";
import { AttackLabels } from "./attack-labels";
import { FALSE_POSITIVE_HELP, kindLabel } from "./rule-labels";

type Rule = RuleDetail["rule"];

/** How the rule decides, in a line: the events it looks at, its window and threshold, or its steps. */
function howItDecides(r: Rule): string | null {
  if (r.kind === "cloudtrail")
    return r.events.includes("*") ? "Every event of the root user." : `Events: ${r.events.join(", ")}.`;
  if (r.kind === "threshold")
    return `${r.threshold} or more matching events per key within ${r.windowMinutes} minutes.`;
  if (r.kind === "sequence") return `In order within ${r.windowMinutes} minutes: ${r.steps.join(" → ")}.`;
  if (r.kind === "sigma") return r.file ? `Compiled from the Sigma file ${r.file}.` : null;
  return "Every VPC Flow record.";
}

/** Title, state, ATT&CK mapping, what it matches and what its findings say. */
export function RuleOverview({ r }: { r: Rule }) {
  return (
    <header className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <SeverityBadge severity={r.severity} />
        <span className="text-slate-500">{kindLabel(r.kind)}</span>
        <span className="text-slate-500">{r.id}</span>
        <span data-testid="rule-state" className={r.enabled ? "text-emerald-700" : "text-slate-500"}>
          {r.enabled ? "On" : "Off"}
          {r.enabled !== r.enabledByDefault ? ` (ships ${r.enabledByDefault ? "on" : "off"})` : ""}
        </span>
      </div>
      <h2 className="text-xl font-semibold" data-testid="rule-title">
        {r.title}
      </h2>
      <AttackLabels tactic={r.tactic} techniques={r.techniques} />
      <p>{r.description}</p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {howItDecides(r)}
        {r.fixtures ? ` Proven by ${r.fixtures} fixtures.` : ""}
      </p>
      <p className="text-sm">
        Findings last seen: {r.hits24h} in 24 h, {r.hits7d} in 7 days · last fired {formatWhen(r.lastFired)} ·{" "}
        <span title={FALSE_POSITIVE_HELP}>
          false positives (30 d): {formatPercent(r.falsePositiveShare, 0)} ({r.falsePositives30d} of {r.findings30d})
        </span>{" "}
        ·{" "}
        <Link
          className="text-sky-700 hover:underline dark:text-sky-400"
          href={`/findings?rule=${encodeURIComponent(r.id)}`}
          data-testid="rule-findings-link"
        >
          its findings
        </Link>
      </p>
      {r.references.length ? (
        <ul className="text-sm" aria-label="References">
          {r.references.map((u) => (
            <li key={u} className="break-all">
              {/^https?:\/\//.test(u) ? (
                <a className="text-sky-700 hover:underline dark:text-sky-400" href={u} target="_blank" rel="noreferrer">
                  {u}
                </a>
              ) : (
                u
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  );
}
