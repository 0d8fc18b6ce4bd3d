import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/ports/database";
import type { Json, WorkflowEngine } from "@/lib/ports/workflow-engine";
import { ApplicationInput } from "@/lib/schemas/applications";
import { findApplicationByReference, insertApplication, setApplicationExecution } from "./application-store";

export interface SubmitCtx {
  db: Database;
  workflows: WorkflowEngine;
  /** Who submits: a signed-in user's email, or `api-key:<name>`. */
  submitter: string;
  /** The review SLA for this deployment (the ASL's PendingReview timeout comes from it). */
  slaSeconds: number;
}

/**
 * Records an application and starts its review workflow. A `reference` already seen returns the
 * earlier application (a retrying client does not start a second review); the execution name is the
 * application id, so starting twice is also a no-op in the engine.
 */
export async function submitApplication({ ctx, input }: { ctx: SubmitCtx; input: unknown }) {
  const app = ApplicationInput.parse(input);
  if (app.reference) {
    const existing = await findApplicationByReference(ctx.db, app.reference);
    if (existing)
      return {
        applicationId: existing.id,
        executionId: existing.execution_id,
        status: existing.status,
        duplicate: true,
      };
  }
  const id = `app-${randomUUID()}`;
  await ctx.db.transaction(async (tx) => {
    await insertApplication(tx, { id, submittedBy: ctx.submitter, application: app });
    await recordAudit(tx, { actor: ctx.submitter, action: "application.submit", subject: id });
  });
  const input_: Json = {
    applicationId: id,
    submittedBy: ctx.submitter,
    application: app as unknown as Json,
    slaSeconds: ctx.slaSeconds,
  };
  const { executionId } = await ctx.workflows.start("application-review", id, input_);
  await setApplicationExecution(ctx.db, id, executionId);
  return { applicationId: id, executionId, status: "submitted", duplicate: false };
}
