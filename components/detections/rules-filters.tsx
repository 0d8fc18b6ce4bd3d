"use client";

import { FIELD, Labelled } from "@/components/ui/field";
import { TACTIC_IDS, TACTICS, type TacticId } from "@/lib/schemas/attack";
import { RULE_KINDS, type RuleKind } from "@/lib/schemas/detections";
import { kindLabel, type RuleFilter } from "./rule-labels";

/** Tactic, kind and free text; each applies as soon as it changes. */
export function RulesFilters({ filter, onChange }: { filter: RuleFilter; onChange: (f: RuleFilter) => void }) {
  return (
    <form
      className="flex flex-wrap items-end gap-3 text-xs"
      aria-label="Rule filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <Labelled label="Search">
        <input
          name="q"
          type="search"
          placeholder="Title, id or technique"
          value={filter.q}
          onChange={(e) => onChange({ ...filter, q: e.target.value })}
          className={FIELD}
        />
      </Labelled>
      <Labelled label="Tactic">
        <select
          name="tactic"
          value={filter.tactic}
          onChange={(e) => onChange({ ...filter, tactic: e.target.value as TacticId | "" })}
          className={FIELD}
        >
          <option value="">Every tactic</option>
          {TACTIC_IDS.map((t) => (
            <option key={t} value={t}>
              {TACTICS[t].name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled label="Kind">
        <select
          name="kind"
          value={filter.kind}
          onChange={(e) => onChange({ ...filter, kind: e.target.value as RuleKind | "" })}
          className={FIELD}
        >
          <option value="">Every kind</option>
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </Labelled>
    </form>
  );
}
