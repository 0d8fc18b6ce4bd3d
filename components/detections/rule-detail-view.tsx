"use client";

import { useRuleQuery } from "@/components/hooks/queries/use-detections-query";
import { ScrollArea } from "@/components/ui/scroll-area";
import { Section } from "@/components/ui/section";
import { RuleBacktest } from "./rule-backtest";
import { RuleExceptions } from "./rule-exceptions";
import { RuleOverview } from "./rule-overview";
import { RuleRunbook } from "./rule-runbook";
import { RuleSettings } from "./rule-settings";
import { RunDetectionsButton } from "./run-detections-button";

/** One rule: what it means and does, its runbook and SQL, a backtest, and (admins) its settings and exceptions. */
export function RuleDetailView({ id, isAdmin }: { id: string; isAdmin: boolean }) {
  const { data, isError, error } = useRuleQuery(id);
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const r = data.rule;
  return (
    <div className="mt-4 flex flex-col gap-6">
      <RuleOverview r={r} />
      {isAdmin ? (
        <Section title="Settings">
          <RuleSettings r={r} />
        </Section>
      ) : null}
      {r.runbook ? (
        <Section title="Runbook">
          <RuleRunbook runbook={r.runbook} />
        </Section>
      ) : null}
      {r.sql ? (
        <Section title={`SQL (${r.sql.engine === "athena" ? "Athena" : "DuckDB"})`}>
          <p className="mb-1 text-sm text-slate-600 dark:text-slate-400">
            As sent for the latest complete hour; values travel as <code>?</code> parameters.
          </p>
          <ScrollArea
            as="pre"
            className="overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900"
            data-testid="rule-sql"
          >
            {r.sql.text}
          </ScrollArea>
        </Section>
      ) : null}
      <Section title="Backtest">
        <RuleBacktest id={r.id} />
      </Section>
      <Section title="Exceptions">
        <RuleExceptions ruleId={r.id} exceptions={r.exceptions} isAdmin={isAdmin} />
      </Section>
      {isAdmin ? (
        <Section title="Scheduled detections">
          <RunDetectionsButton />
        </Section>
      ) : null}
    </div>
  );
}
