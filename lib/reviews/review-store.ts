import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Queryable } from "@/lib/ports/database";
import type { ReviewGroup, ReviewSummary } from "@/lib/schemas/applications";
import { routeReview } from "./review-routing";

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
  priority: number;
  candidate_group: ReviewGroup;
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
    priority: t.priority,
    candidateGroup: t.candidate_group,
  };
}

/** The workflow's timeout fired: the subject's pending review items are marked expired (audited). */
export async function expirePendingReviews(tx: Queryable, subject: string, workflow?: string): Promise<void> {
  const expired = await tx.query<{ id: string }>(
    "UPDATE review_tasks SET status = 'expired' WHERE subject = $1 AND status = 'pending' AND ($2::text IS NULL OR workflow = $2) RETURNING id",
    [subject, workflow ?? null],
  );
  for (const t of expired) await recordAudit(tx, { actor: "system", action: "review.expired", subject: t.id });
}

/** A subject's review items still waiting on a decision (e.g. an incident's approvals), oldest first. */
export async function listPendingReviews(q: Queryable, subject: string): Promise<{ id: string; title: string }[]> {
  return q.query<{ id: string; title: string }>(
    "SELECT id, title FROM review_tasks WHERE subject = $1 AND status = 'pending' ORDER BY created_at",
    [subject],
  );
}

/** Who rejected the subject's latest rejected item of a workflow, and why (null when none was rejected). */
export async function findRejection(
  q: Queryable,
  subject: string,
  workflow: string,
): Promise<{ decidedBy: string; comment: string | null } | null> {
  const [r] = await q.query<{ decided_by: string; comment: string | null }>(
    `SELECT decided_by, comment FROM review_tasks WHERE subject = $1 AND workflow = $2 AND status = 'rejected'
       AND decided_by IS NOT NULL ORDER BY decided_at DESC LIMIT 1`,
    [subject, workflow],
  );
  return r ? { decidedBy: r.decided_by, comment: r.comment } : null;
}

/** The subject's workflow failed: its waiting review items leave the queue (nobody can decide them now). */
export async function closePendingReviews(q: Queryable, subject: string): Promise<void> {
  await q.query("UPDATE review_tasks SET status = 'closed' WHERE subject = $1 AND status = 'pending'", [subject]);
}

export interface NewReviewTask {
  executionId: string;
  workflow: string;
  /** The callback state waiting on the token (a restarted engine re-enters here). */
  state: string;
  token: string;
  subject: string;
  title: string;
  payload: unknown;
  reasons: { rule: string; message: string }[];
  /** The waiting state's input, for re-entry. */
  stateInput: unknown;
  submittedBy: string | null;
  dueInSeconds: number;
}

/** A callback task's review item (queue and priority from `routeReview`); idempotent on the token. True when this call created it. */
export async function registerReviewTask(tx: Queryable, t: NewReviewTask): Promise<boolean> {
  const route = routeReview(t);
  const inserted = await tx.query(
    `INSERT INTO review_tasks (id, execution_id, workflow, state, token, subject, title, payload, reasons, state_input, submitted_by, due_at, priority, candidate_group)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(secs => $12), $13, $14)
     ON CONFLICT (token) DO NOTHING RETURNING id`,
    [
      `rev-${randomUUID()}`,
      t.executionId,
      t.workflow,
      t.state,
      t.token,
      t.subject,
      t.title,
      JSON.stringify(t.payload),
      JSON.stringify(t.reasons),
      JSON.stringify(t.stateInput),
      t.submittedBy,
      t.dueInSeconds,
      route.priority,
      route.candidateGroup,
    ],
  );
  return inserted.length > 0;
}
