import type { Queryable } from "@/lib/ports/database";
import type { ReviewSummary } from "@/lib/schemas/applications";

export interface TaskRow {
  id: string;
  execution_id: string;
  workflow: string;
  state: string;
  token: string;
  subject: string;
  title: string;
  payload: Record<string, unknown>;
  reasons: ReviewSummary["reasons"];
  submitted_by: string | null;
  status: ReviewSummary["status"];
  claimed_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
  due_at: Date;
  created_at: Date;
}

export const findTask = async (q: Queryable, id: string) =>
  (await q.query<TaskRow>("SELECT * FROM review_tasks WHERE id = $1", [id]))[0] ?? null;

/** The browser's view of a task: never the token. */
export function toReviewSummary(t: TaskRow, now = Date.now()): ReviewSummary {
  const due = new Date(t.due_at).getTime();
  return {
    id: t.id,
    workflow: t.workflow,
    title: t.title,
    subject: t.subject,
    status: t.status,
    reasons: t.reasons,
    submittedBy: t.submitted_by,
    claimedBy: t.claimed_by,
    decidedBy: t.decided_by,
    decidedAt: t.decided_at ? new Date(t.decided_at).toISOString() : null,
    comment: t.comment,
    createdAt: new Date(t.created_at).toISOString(),
    dueAt: new Date(due).toISOString(),
    overdue: t.status === "pending" && due < now,
    ageSeconds: Math.round((now - new Date(t.created_at).getTime()) / 1000),
  };
}
