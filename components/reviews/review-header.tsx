import type { ReactNode } from "react";
import { formatWhen } from "@/components/ui/format";
import { GROUP_LABELS, priorityLabel, type ReviewSummary } from "@/lib/schemas/applications";
import { dueInWords } from "@/lib/schemas/durations";

const STATUS_TONE: Record<ReviewSummary["status"], string> = {
  pending: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  approved: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  rejected: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  expired: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  closed: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** The item's title (wrapping, never cut off) and the facts a reviewer weighs first. */
export function ReviewHeader({ r }: { r: ReviewSummary }) {
  return (
    <header className="flex min-w-0 flex-col gap-3">
      <h2 className="break-words text-xl font-semibold [overflow-wrap:anywhere]">{r.title}</h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:flex sm:flex-wrap">
        <Fact label="Status">
          <span
            data-testid="review-status"
            className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONE[r.status]}`}
          >
            {r.status}
          </span>
        </Fact>
        <Fact label="Priority">
          {priorityLabel(r.priority)} <span className="text-xs text-slate-600 dark:text-slate-400">({r.priority})</span>
        </Fact>
        <Fact label="Candidate group">{GROUP_LABELS[r.candidateGroup]}</Fact>
        <Fact label="Due">
          <span className={r.overdue ? "font-semibold text-rose-700 dark:text-rose-400" : ""}>
            {r.status === "pending" ? dueInWords(r.dueAt) : formatWhen(r.dueAt)}
            {r.overdue ? " (overdue)" : ""}
          </span>
          {r.status === "pending" ? (
            <span className="block text-xs text-slate-600 dark:text-slate-400">{formatWhen(r.dueAt)}</span>
          ) : null}
        </Fact>
        <Fact label="Submitted by">{r.submittedBy ?? "the workflow"}</Fact>
        <Fact label="Assignee">{r.claimedBy ?? "nobody yet"}</Fact>
      </dl>
    </header>
  );
}
