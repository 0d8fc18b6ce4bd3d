"use client";

import type { ReactNode } from "react";
import { TRIAGE_STATUSES } from "@/lib/schemas/triage";
import { SEVERITY_LABELS, STATUS_LABELS } from "./finding-labels";
import { shownStatuses } from "./findings-params";
import type { FindingsNavigation } from "./use-findings-navigation";

const SEVERITIES = [5, 4, 3, 2, 1];

function ToggleChip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={`rounded-full border px-3 py-1 text-sm ${pressed ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"}`}
    >
      {children}
    </button>
  );
}

/** Severity and status chips: each one adds or removes its value from the filter (statuses shown start as the open ones). */
export function FindingsToggles({ nav }: { nav: FindingsNavigation }) {
  const severities = nav.params.getAll("severity");
  const statuses = shownStatuses(nav.params);
  return (
    <fieldset className="flex flex-wrap gap-2">
      <legend className="sr-only">Severity and status</legend>
      {SEVERITIES.map((s) => (
        <ToggleChip key={s} pressed={severities.includes(String(s))} onClick={() => nav.toggle("severity", String(s))}>
          {SEVERITY_LABELS[s]}
        </ToggleChip>
      ))}
      <span className="mx-2 border-l border-slate-300 dark:border-slate-700" />
      {TRIAGE_STATUSES.map((s) => (
        <ToggleChip key={s} pressed={statuses.includes(s)} onClick={() => nav.toggleStatus(s)}>
          {STATUS_LABELS[s]}
        </ToggleChip>
      ))}
    </fieldset>
  );
}
