import type { Json } from "@/lib/ports/workflow-engine";
import { registerReviewTask } from "@/lib/reviews/review-store";
import type { ApplicationInput, Check } from "@/lib/schemas/applications";
import { markApplicationInReview } from "../application-store";
import type { ApplicationReviewDeps } from "../deps";

/** What the review-registering task receives (the ASL's PendingReview Payload). */
export interface RegisterReviewPayload {
  taskToken: string;
  executionId: string;
  applicationId: string;
  submittedBy: string;
  application: ApplicationInput;
  checks: Check[];
  slaSeconds: number;
}

/**
 * PendingReview's callback target (the RegisterReview Lambda): puts the application in the review
 * queue with the rules that flagged it; idempotent on the token.
 */
export async function registerReview(deps: ApplicationReviewDeps, raw: Json): Promise<Json> {
  const p = raw as unknown as RegisterReviewPayload;
  const reasons = p.checks.flatMap((c) => c.rules);
  const { taskToken: _t, executionId: _e, ...stateInput } = p;
  await deps.db.transaction(async (tx) => {
    const inserted = await registerReviewTask(tx, {
      executionId: p.executionId,
      workflow: "application-review",
      state: "PendingReview",
      token: p.taskToken,
      subject: p.applicationId,
      title: `Application from ${p.application.name}`,
      payload: p.application,
      reasons,
      stateInput,
      submittedBy: p.submittedBy,
      dueInSeconds: p.slaSeconds,
    });
    if (inserted) await markApplicationInReview(tx, p.applicationId);
  });
  return null;
}
