"use client";

import { SEVERITY_LABELS } from "@/components/findings/finding-labels";
import { useUpdateRuleMutation } from "@/components/hooks/queries/use-detections-query";
import { Button } from "@/components/ui/button";
import { FIELD, Labelled } from "@/components/ui/field";
import type { RuleDetail } from "@/lib/schemas/detections";

/** Admins: turn the rule on or off and give it a severity of its own (or back to the rule's). */
export function RuleSettings({ r }: { r: RuleDetail["rule"] }) {
  const update = useUpdateRuleMutation(r.id);
  const overridden = r.severity !== r.defaultSeverity;
  return (
    <div className="flex flex-wrap items-end gap-3 text-xs">
      <Button
        variant={r.enabled ? "secondary" : "primary"}
        onClick={() => update.mutate({ enabled: !r.enabled })}
        disabled={update.isPending}
        data-testid="rule-toggle"
      >
        {r.enabled ? "Disable rule" : "Enable rule"}
      </Button>
      <Labelled label="Severity">
        <select
          name="severity"
          value={overridden ? String(r.severity) : ""}
          onChange={(e) => update.mutate({ severity: e.target.value ? Number(e.target.value) : null })}
          disabled={update.isPending}
          className={FIELD}
          data-testid="rule-severity"
        >
          <option value="">Rule's own ({SEVERITY_LABELS[r.defaultSeverity]})</option>
          {[1, 2, 3, 4, 5].map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </Labelled>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Changes apply from the next lake ETL run (per-event rules) or detections run (scheduled rules).
      </p>
      {update.isError ? <p role="alert">{update.error.message}</p> : null}
    </div>
  );
}
