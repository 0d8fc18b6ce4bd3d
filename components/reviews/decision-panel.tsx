"use client";

import { type FormEvent, useId, useState } from "react";
import { ApiError } from "@/components/hooks/api-fetch";
import { useClaimMutation, useDecisionMutation } from "@/components/hooks/queries/use-reviews-query";
import { Button } from "@/components/ui/button";
import { formatWhen } from "@/components/ui/format";
import type { ReviewSummary } from "@/lib/schemas/applications";

type Decision = "approve" | "reject";
const NOUN: Record<Decision, string> = { approve: "approval", reject: "rejection" };
// Until the shared button styles mark every disabled button, these two must not look clickable.
const DIMMED = "disabled:opacity-50";
const ALERT = "rounded border border-rose-300 bg-rose-50 p-2 text-sm dark:border-rose-800 dark:bg-rose-950";

/**
 * Why the server refused a decision. A lost race (409) or a passed deadline (410) says that the
 * reviewer's own decision was not recorded and, once the page has reloaded the item, who decided.
 */
function Refusal({ error, tried, review }: { error: Error; tried: Decision; review: ReviewSummary }) {
  if (!(error instanceof ApiError && (error.status === 409 || error.status === 410)))
    return (
      <p role="alert" className={ALERT}>
        {error.message}
      </p>
    );
  return (
    <div role="alert" className={ALERT}>
      <p className="font-semibold">Your {NOUN[tried]} was not recorded.</p>
      <p>
        {review.decidedBy && review.status !== "pending"
          ? `${review.decidedBy} had already ${review.status} this item (${formatWhen(review.decidedAt)}).`
          : error.message}
      </p>
      {review.comment ? <p>Their comment: “{review.comment}”</p> : null}
    </div>
  );
}

/** How a decided (or expired, or closed) item ended. */
function Outcome({ r }: { r: ReviewSummary }) {
  if (r.status === "expired") return <p className="text-sm">Expired: nobody decided before {formatWhen(r.dueAt)}.</p>;
  if (r.status === "closed") return <p className="text-sm">Closed: its workflow ended before a decision.</p>;
  return (
    <div className="text-sm">
      <p>
        <strong className="capitalize">{r.status}</strong> by {r.decidedBy ?? "—"} · {formatWhen(r.decidedAt)}
      </p>
      {r.comment ? <p className="break-words">“{r.comment}”</p> : null}
    </div>
  );
}

function ClaimLine({ r, me }: { r: ReviewSummary; me: string }) {
  const claim = useClaimMutation(r.id);
  const mine = r.claimedBy === me;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="min-w-0 break-words">
        {mine ? "Claimed by you" : r.claimedBy ? `Claimed by ${r.claimedBy}` : "Not claimed yet"}
      </span>
      <Button
        variant="secondary"
        className="px-2 py-1"
        disabled={claim.isPending || (r.claimedBy !== null && !mine)}
        onClick={() => claim.mutate(!mine)}
      >
        {mine ? "Unclaim" : "Claim"}
      </Button>
      {claim.isError ? (
        <p role="alert" className={ALERT}>
          {claim.error.message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Approve, reject (with a comment), claim or unclaim. Always on the page, so a refusal stays in view
 * when the item redraws as decided by someone else; the submitter sees why they cannot decide.
 */
export function DecisionPanel({ review: r, me }: { review: ReviewSummary; me: string }) {
  const decide = useDecisionMutation(r.id);
  const [comment, setComment] = useState("");
  const [needsComment, setNeedsComment] = useState(false);
  const noteId = useId();
  const pending = r.status === "pending";
  const own = r.submittedBy !== null && r.submittedBy === me;
  const submit = (decision: Decision) => (e?: FormEvent) => {
    e?.preventDefault();
    const text = comment.trim();
    setNeedsComment(decision === "reject" && !text);
    if (decision === "reject" && !text) return;
    decide.mutate({ decision, ...(text ? { comment: text } : {}) });
  };
  return (
    <aside
      aria-label="Decision"
      className={`${pending ? "sticky bottom-0 z-10 md:top-4 md:bottom-auto" : ""} flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900`}
    >
      <h2 className="font-semibold">Decision</h2>
      {pending ? (
        <form className="flex flex-col gap-2" onSubmit={submit("approve")} aria-label="Decide">
          {own ? (
            <p id={noteId} className="text-sm text-amber-800 dark:text-amber-300">
              You submitted this item, so someone else must approve or reject it.
            </p>
          ) : (
            <ClaimLine r={r} me={me} />
          )}
          <label className="flex flex-col gap-1 text-xs">
            Comment (required to reject)
            <textarea
              name="comment"
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <Button
              type="submit"
              className={DIMMED}
              disabled={own || decide.isPending}
              aria-describedby={own ? noteId : undefined}
            >
              Approve
            </Button>
            <Button
              variant="danger"
              className={DIMMED}
              disabled={own || decide.isPending}
              aria-describedby={own ? noteId : undefined}
              onClick={() => submit("reject")()}
            >
              Reject
            </Button>
          </div>
          {needsComment ? (
            <p role="alert" className={ALERT}>
              A rejection needs a comment: say why.
            </p>
          ) : null}
        </form>
      ) : (
        <Outcome r={r} />
      )}
      {decide.isError ? (
        <Refusal error={decide.error} tried={decide.variables?.decision ?? "approve"} review={r} />
      ) : null}
    </aside>
  );
}
