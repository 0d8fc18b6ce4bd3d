import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/ports/database";
import type { Json, WorkflowEngine } from "@/lib/ports/workflow-engine";
import { ApplicationInput } from "@/lib/schemas/applications";

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
    const [existing] = await ctx.db.query<{ id: string; execution_id: string | null; status: string }>(
      "SELECT id, execution_id, status FROM applications WHERE reference = $1",
      [app.reference],
    );
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
    await tx.query("INSERT INTO applications (id, reference, submitted_by, payload) VALUES ($1, $2, $3, $4)", [
      id,
      app.reference ?? null,
      ctx.submitter,
      JSON.stringify(app),
    ]);
    await recordAudit(tx, { actor: ctx.submitter, action: "application.submit", subject: id });
  });
  const input_: Json = {
    applicationId: id,
    submittedBy: ctx.submitter,
    application: app as unknown as Json,
    slaSeconds: ctx.slaSeconds,
  };
  const { executionId } = await ctx.workflows.start("application-review", id, input_);
  await ctx.db.query("UPDATE applications SET execution_id = $2 WHERE id = $1", [id, executionId]);
  return { applicationId: id, executionId, status: "submitted", duplicate: false };
}
