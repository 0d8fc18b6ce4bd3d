import type { Database } from "@/lib/ports/database";
import type { Json } from "@/lib/ports/workflow-engine";
import type { ApplicationInput, Check } from "@/lib/schemas/applications";
import { expirePendingReviews, registerReviewTask } from "./review-store";
import { type Denylist, validateAddress, validateName } from "./rules";

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

type Handler = (payload: Json) => Promise<Json>;

export interface HandlerDeps {
  db: Database;
  denylist: Denylist;
}

/**
 * The code behind every Task state of the application-review workflow, keyed by state name. The
 * Lambda entry points (`lib/handlers/workflows/`) and the local engine call these same functions.
 */
export function applicationReviewHandlers(deps: HandlerDeps): Record<string, (payload: Json) => Promise<Json>> {
  const { db } = deps;
  const handlers: Record<string, (payload: Json) => Promise<Json>> = {
    validateName: async (p) =>
      (await validateName((p as { application: ApplicationInput }).application, deps.denylist)) as unknown as Json,
    validateAddress: async (p) =>
      (await validateAddress((p as { application: ApplicationInput }).application)) as unknown as Json,

    /** PendingReview's callback target (the RegisterReview Lambda): persists the pending review, idempotent on the token. */
    registerReview: async (raw) => {
      const p = raw as unknown as RegisterReviewPayload;
      const reasons = p.checks.flatMap((c) => c.rules);
      const { taskToken: _t, executionId: _e, ...stateInput } = p;
      await db.transaction(async (tx) => {
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
        if (inserted) {
          await tx.query("UPDATE applications SET status = 'in_review', updated_at = now() WHERE id = $1", [
            p.applicationId,
          ]);
        }
      });
      return null;
    },

    /** The application's final status; an expired review task is marked so. */
    recordOutcome: async (raw) => {
      const p = raw as {
        applicationId: string;
        outcome: { status: "approved" | "rejected" | "expired" } & Record<string, Json>;
      };
      await db.transaction(async (tx) => {
        await tx.query("UPDATE applications SET status = $2, outcome = $3, updated_at = now() WHERE id = $1", [
          p.applicationId,
          p.outcome.status,
          JSON.stringify(p.outcome),
        ]);
        if (p.outcome.status === "expired") {
          await expirePendingReviews(tx, p.applicationId);
        }
      });
      return { status: p.outcome.status };
    },

    /** The explicit error path: what failed is kept on the application before the execution fails. */
    recordFailure: async (raw) => {
      const p = raw as { applicationId?: string; error?: { Error?: string; Cause?: unknown } };
      if (p.applicationId) {
        await db.query("UPDATE applications SET status = 'failed', outcome = $2, updated_at = now() WHERE id = $1", [
          p.applicationId,
          JSON.stringify({ status: "failed", error: p.error?.Error ?? "unknown", cause: String(p.error?.Cause ?? "") }),
        ]);
        await db.query("UPDATE review_tasks SET status = 'closed' WHERE subject = $1 AND status = 'pending'", [
          p.applicationId,
        ]);
      }
      return { recorded: true };
    },
  };
  // Task state name → handler (PendingReview's callback target is the RegisterReview Lambda).
  return {
    ValidateName: handlers.validateName as Handler,
    ValidateAddress: handlers.validateAddress as Handler,
    PendingReview: handlers.registerReview as Handler,
    RecordOutcome: handlers.recordOutcome as Handler,
    RecordFailure: handlers.recordFailure as Handler,
  };
}
