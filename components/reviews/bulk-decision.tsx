"use client";

import { useState } from "react";
import { useBulkDecisionMutation } from "@/components/hooks/queries/use-reviews-query";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import type { BulkDecisionResult, ReviewSummary } from "@/lib/schemas/applications";

/** One item's outcome in words. */
function outcomeOf(r: BulkDecisionResult, decision: "approve" | "reject"): string {
  if (r.ok) return decision === "approve" ? "approved" : "rejected";
  if (r.status === 409) return `not recorded: ${r.message ?? "already decided"}`;
  if (r.status === 410) return "not recorded: it expired before the decision";
  if (r.status === 403) return "not recorded: you submitted it, so someone else must decide";
  if (r.status === 404) return "not recorded: it no longer exists";
  return `not recorded: ${r.message ?? "refused"}`;
}

/**
 * Approve or reject the picked items with one comment. Each item is its own decide-once decision,
 * so each item's outcome is listed by its title.
 */
export function BulkDecision({
  picked,
  items,
  onDone,
}: {
  picked: Set<string>;
  items: ReviewSummary[];
  onDone: () => void;
}) {
  const bulk = useBulkDecisionMutation();
  const [comment, setComment] = useState("");
  const [needsComment, setNeedsComment] = useState(false);
  // Titles as they were when deciding: decided items leave the list right after.
  const [titles, setTitles] = useState(new Map<string, string>());
  const decide = (decision: "approve" | "reject") => {
    const text = comment.trim();
    setNeedsComment(decision === "reject" && !text);
    if (decision === "reject" && !text) return;
    setTitles(new Map(items.map((r) => [r.id, r.title])));
    bulk.mutate(
      { ids: [...picked], decision, ...(text ? { comment: text } : {}) },
      {
        onSuccess: () => {
          setComment("");
          onDone();
        },
      },
    );
  };
  const done = bulk.data && bulk.variables ? { results: bulk.data.results, decision: bulk.variables.decision } : null;
  return (
    <>
      {picked.size > 0 ? (
        <fieldset className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-2 dark:border-slate-800">
          <legend className="px-1 text-sm">{picked.size} selected — one decision and comment for all of them</legend>
          <label className="flex min-w-0 flex-1 flex-col text-xs">
            Comment (required to reject)
            <input name="bulk-comment" value={comment} onChange={(e) => setComment(e.target.value)} className={FIELD} />
          </label>
          <Button onClick={() => decide("approve")} disabled={bulk.isPending}>
            Approve {picked.size}
          </Button>
          <Button variant="danger" onClick={() => decide("reject")} disabled={bulk.isPending}>
            Reject {picked.size}
          </Button>
        </fieldset>
      ) : null}
      {needsComment ? <p role="alert">A rejection needs a comment: say why.</p> : null}
      {bulk.isError ? <p role="alert">{bulk.error.message}</p> : null}
      {done ? (
        <ul className="text-sm" aria-label="Bulk results">
          {done.results.map((r) => (
            <li
              key={r.id}
              className={r.ok ? "text-emerald-800 dark:text-emerald-300" : "text-rose-700 dark:text-rose-400"}
            >
              {titles.get(r.id) ?? "An item no longer listed"}: {outcomeOf(r, done.decision)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
