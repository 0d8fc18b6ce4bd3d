"use client";

import { type FormEvent, useState } from "react";
import { useClaimMutation, useDecisionMutation } from "@/components/hooks/queries/use-reviews-query";
import { Button } from "@/components/ui/button";

/** Approve (the form's submit), reject with a comment, or claim the item so others leave it alone. */
export function DecisionForm({ id, claimedBy, me }: { id: string; claimedBy: string | null; me: string }) {
  const decide = useDecisionMutation(id);
  const claim = useClaimMutation(id);
  const [comment, setComment] = useState("");
  const submit = (decision: "approve" | "reject") => (e?: FormEvent) => {
    e?.preventDefault();
    decide.mutate({ decision, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <form className="flex flex-col gap-2" onSubmit={submit("approve")} aria-label="Decision">
      <label className="flex flex-col text-xs">
        Comment (required to reject)
        <textarea
          name="comment"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={decide.isPending}>
          Approve
        </Button>
        <Button variant="danger" disabled={decide.isPending} onClick={() => submit("reject")()}>
          Reject
        </Button>
        <Button variant="secondary" disabled={claim.isPending} onClick={() => claim.mutate(claimedBy !== me)}>
          {claimedBy === me ? "Release" : "Claim"}
        </Button>
      </div>
      {decide.isError ? <p role="alert">{decide.error.message}</p> : null}
      {claim.isError ? <p role="alert">{claim.error.message}</p> : null}
    </form>
  );
}
