import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import type { Principal } from "@/lib/schemas/auth";
import { ReleaseInput } from "@/lib/schemas/incidents";
import { countReleaseRequests } from "./event-store";
import { findIncident } from "./incident-store";
import { RELEASE_ROLES } from "./roles";

/**
 * An admin asks to release a contained instance. The release is its own workflow with its own
 * approval: someone other than the requester approves it in the review queue (audited).
 */
export async function requestRelease({
  ctx,
  id,
  input,
  approvalSeconds,
}: {
  ctx: { db: Database; workflows: WorkflowEngine; principal: Principal | null };
  id: string;
  input: unknown;
  approvalSeconds: number;
}) {
  const actor = requireRole(ctx.principal, RELEASE_ROLES);
  const body = ReleaseInput.parse(input);
  const i = await findIncident(ctx.db, id);
  if (!i) throw new AppError("not_found", "No such incident");
  if (i.status !== "contained" || i.resource_type !== "Instance" || !i.original_state)
    throw new AppError("conflict", `Only a contained instance can be released (this incident is ${i.status})`);
  const requested = await countReleaseRequests(ctx.db, id);
  await recordAudit(ctx.db, {
    actor: actor.email,
    action: "incident.release_requested",
    subject: id,
    reason: body.reason,
  });
  const started = await ctx.workflows.start("incident-release", `${id}-release-${requested + 1}`, {
    incidentId: id,
    requestedBy: actor.email,
    reason: body.reason,
    slaSeconds: approvalSeconds,
  });
  return { executionId: started.executionId };
}
