import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import { listPendingReviews } from "@/lib/reviews/review-store";
import type { Principal } from "@/lib/schemas/auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import type { IncidentDetail } from "@/lib/schemas/incidents";
import { listTimeline } from "./event-store";
import { findIncident, toSummary } from "./incident-store";
import { EVIDENCE_ROLES, INCIDENT_ROLES, RELEASE_ROLES } from "./roles";

/** The incident with its finding, enrichment, proposed actions, timeline and what the caller may do next. */
export async function getIncident({
  ctx,
  id,
}: {
  ctx: { db: Database; principal: Principal | null };
  id: string;
}): Promise<IncidentDetail> {
  const actor = requireRole(ctx.principal, INCIDENT_ROLES);
  const i = await findIncident(ctx.db, id);
  if (!i) throw new AppError("not_found", "No such incident");
  const timeline = await listTimeline(ctx.db, id);
  const pending = await listPendingReviews(ctx.db, id);
  return {
    incident: toSummary(i),
    finding: i.finding,
    enrichment: i.enrichment,
    proposed: i.proposed,
    originalState: i.original_state ? { ...i.original_state } : null,
    timeline,
    pendingReviews: pending,
    canRelease: hasAnyRole(actor, RELEASE_ROLES) && i.status === "contained" && i.resource_type === "Instance",
    canDownloadEvidence: hasAnyRole(actor, EVIDENCE_ROLES),
  };
}
