import type { RuleDetail } from "@/lib/schemas/detections";

const PARTS = [
  ["check", "Check"],
  ["contain", "Contain"],
  ["falsePositives", "False positives"],
] as const;

/** What an analyst does with the rule's findings: check, contain, and the routine work that looks the same. */
export function RuleRunbook({ runbook }: { runbook: NonNullable<RuleDetail["rule"]["runbook"]> }) {
  return (
    <section aria-label="Runbook" data-testid="runbook" className="grid gap-4 md:grid-cols-3">
      {PARTS.filter(([k]) => runbook[k].length).map(([k, label]) => (
        <div key={k}>
          <h4 className="font-semibold">{label}</h4>
          <ul className="list-disc pl-5 text-sm">
            {runbook[k].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
