"use client";

import { useState } from "react";
import { useBulkDecisionMutation } from "@/components/hooks/queries/use-reviews-query";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";

/** Approve or reject the selected items at once; each item's outcome is listed, since some may fail. */
export function BulkDecision({ picked, onDone }: { picked: Set<string>; onDone: () => void }) {
  const bulk = useBulkDecisionMutation();
  const [comment, setComment] = useState("");
  const decide = (decision: "approve" | "reject") =>
    bulk.mutate(
      { ids: [...picked], decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      { onSuccess: onDone },
    );
  return (
    <>
      {picked.size > 0 ? (
        <div className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-2 dark:border-slate-800">
          <span className="text-sm">{picked.size} selected</span>
          <label className="flex flex-col text-xs">
            Comment (required to reject)
            <input name="bulk-comment" value={comment} onChange={(e) => setComment(e.target.value)} className={FIELD} />
          </label>
          <Button onClick={() => decide("approve")} disabled={bulk.isPending}>
            Approve selected
          </Button>
          <Button variant="danger" onClick={() => decide("reject")} disabled={bulk.isPending}>
            Reject selected
          </Button>
        </div>
      ) : null}
      {bulk.isError ? <p role="alert">{bulk.error.message}</p> : null}
      {bulk.data ? (
        <ul className="text-sm" aria-label="Bulk results">
          {bulk.data.results.map((r) => (
            <li key={r.id} className={r.ok ? "text-emerald-700" : "text-rose-600"}>
              {r.id}: {r.ok ? "done" : `${r.status} ${r.message}`}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
