"use client";

import { useSuppressionPreviewQuery } from "@/components/hooks/queries/use-suppression-preview-query";

const findings = (n: number) => `${n.toLocaleString()} ${n === 1 ? "finding" : "findings"}`;

/** "This rule would hide N findings (M open)", counted on the server before the rule is saved. */
export function SuppressionPreviewLine(patterns: { findingType: string; resource: string; principal: string }) {
  const { data, isError, error, ready, problem, settled } = useSuppressionPreviewQuery(patterns);
  let text: string;
  if (!ready)
    text =
      patterns.findingType.trim() && problem
        ? problem
        : "Fill in the patterns to see how many findings this rule would hide.";
  else if (isError) text = `Could not count the findings this rule would hide: ${error.message}`;
  else if (!data || !settled) text = "Counting the findings this rule would hide…";
  else if (data.matches === 0) text = `This rule would hide no findings from the last ${data.days} days.`;
  else
    text = `This rule would hide ${findings(data.matches)} from the last ${data.days} days (${data.open.toLocaleString()} open).`;
  return (
    <p role="status" className="w-full text-sm text-slate-700 dark:text-slate-300" data-testid="suppression-preview">
      {text}
    </p>
  );
}
