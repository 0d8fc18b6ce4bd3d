import Link from "next/link";
import type { FindingDetection } from "@/lib/schemas/findings";
import { AttackLabels } from "./attack-labels";
import { RuleRunbook } from "./rule-runbook";
import { SequenceTimeline } from "./sequence-timeline";

/**
 * On a finding's page, what detected it: the Sightline rule (linked to its page) with its ATT&CK
 * mapping, runbook and, for a sequence, the steps in order; or the tactic GuardDuty's type maps to.
 */
export function FindingDetectionPanel({ d, principal }: { d: FindingDetection; principal: string | null }) {
  return (
    <section
      aria-label="Detection"
      data-testid="finding-detection"
      className="flex flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      {d.origin === "sightline" && d.ruleId ? (
        <p className="text-sm" data-testid="detected-by">
          Detected by{" "}
          <Link
            className="font-medium text-sky-700 hover:underline dark:text-sky-400"
            href={`/rules/${encodeURIComponent(d.ruleId)}`}
          >
            {d.ruleTitle ?? d.ruleId}
          </Link>
        </p>
      ) : (
        <p className="text-sm">Reported by GuardDuty; its finding type maps to this ATT&CK tactic.</p>
      )}
      <AttackLabels tactic={d.tactic} techniques={d.techniques} />
      {d.steps.length ? (
        <div>
          <h4 className="mb-1 font-semibold">Attack sequence</h4>
          <SequenceTimeline steps={d.steps} principal={principal} />
        </div>
      ) : null}
      {d.runbook ? (
        <div>
          <h4 className="mb-1 font-semibold">Runbook</h4>
          <RuleRunbook runbook={d.runbook} />
        </div>
      ) : null}
    </section>
  );
}
