"use client";

import { useState } from "react";
import { QueryStatsBar } from "@/components/findings/query-stats-bar";
import { useRulesQuery } from "@/components/hooks/queries/use-detections-query";
import { Section } from "@/components/ui/section";
import type { RulesList } from "@/lib/schemas/detections";
import { filterRules, type RuleFilter } from "./rule-labels";
import { RulesFilters } from "./rules-filters";
import { RulesTable } from "./rules-table";
import { RunDetectionsButton } from "./run-detections-button";

function UnsupportedSigma({ list }: { list: RulesList }) {
  return (
    <Section title="Sigma rules not compiled">
      <p className="mb-2 text-sm">
        From <code>{list.sigmaDir}</code>. Only rules over <code>logsource: product: aws, service: cloudtrail</code>{" "}
        compile.
      </p>
      <ul className="list-disc pl-5 text-sm" data-testid="unsupported-sigma">
        {list.unsupportedSigma.map((u) => (
          <li key={`${u.file}:${u.title ?? ""}`}>
            <code>{u.file}</code>
            {u.title ? ` (${u.title})` : ""}: {u.reason}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Every detection rule with what it has raised; filters apply at once, in the browser. */
export function RulesView({ isAdmin }: { isAdmin: boolean }) {
  const { data, isError, error } = useRulesQuery();
  const [filter, setFilter] = useState<RuleFilter>({ tactic: "", kind: "", q: "" });
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const shown = filterRules(data.rules, filter);
  return (
    <div className="flex flex-col gap-4">
      {isAdmin ? <RunDetectionsButton /> : null}
      <RulesFilters filter={filter} onChange={setFilter} />
      <QueryStatsBar stats={data.stats} />
      <p className="text-sm" data-testid="rules-count">
        {shown.length} of {data.rules.length} rules
      </p>
      <RulesTable rules={shown} />
      {data.unsupportedSigma.length ? <UnsupportedSigma list={data} /> : null}
    </div>
  );
}
