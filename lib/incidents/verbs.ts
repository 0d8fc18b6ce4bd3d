import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import type { Principal } from "@/lib/schemas/auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import { type IncidentDetail, type IncidentEventDto, IncidentsQuery, ReleaseInput } from "@/lib/schemas/incidents";
import { requireRole } from "@/lib/auth/require-role";
import { findIncident, type IncidentRow, toSummary } from "./store";

/** Everyone who works findings or reviews sees incidents; only admins release a quarantine. */
export const INCIDENT_ROLES = ["analysts", "reviewers", "admins"] as const;
export const RELEASE_ROLES = ["admins"] as const;

interface Ctx {
  db: Database;
  principal: Principal | null;
}

export async function listIncidents({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx.principal, INCIDENT_ROLES);
  const q = IncidentsQuery.parse(input);
  const rows = await ctx.db.query<IncidentRow>(
    "SELECT * FROM incidents WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id LIMIT $2",
    [q.status ?? null, q.limit],
  );
  return { items: rows.map(toSummary) };
}

export async function getIncident({ ctx, id }: { ctx: Ctx; id: string }): Promise<IncidentDetail> {
  const actor = requireRole(ctx.principal, INCIDENT_ROLES);
  const i = await findIncident(ctx.db, id);
  if (!i) throw new AppError("not_found", "No such incident");
  const timeline = await ctx.db.query<Omit<IncidentEventDto, "id" | "at"> & { id: string; at: Date }>(
    "SELECT id, at, kind, step, ok, actor, summary, detail FROM incident_events WHERE incident_id = $1 ORDER BY id",
    [id],
  );
  const pending = await ctx.db.query<{ id: string; title: string }>(
    "SELECT id, title FROM review_tasks WHERE subject = $1 AND status = 'pending' ORDER BY created_at",
    [id],
  );
  return {
    incident: toSummary(i),
    finding: i.finding,
    enrichment: i.enrichment,
    proposed: i.proposed,
    originalState: i.original_state as unknown as Record<string, unknown> | null,
    timeline: timeline.map((e) => ({ ...e, id: Number(e.id), at: new Date(e.at).toISOString() })),
    pendingReviews: pending,
    canRelease: hasAnyRole(actor, RELEASE_ROLES) && i.status === "contained" && i.resource_type === "Instance",
    canDownloadEvidence: hasAnyRole(actor, EVIDENCE_ROLES),
  };
}

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
  ctx: Ctx & { workflows: WorkflowEngine };
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
  const [n] = await ctx.db.query<{ n: string }>(
    "SELECT count(*) AS n FROM incident_events WHERE incident_id = $1 AND step = 'RequestRelease'",
    [id],
  );
  await recordAudit(ctx.db, {
    actor: actor.email,
    action: "incident.release_requested",
    subject: id,
    reason: body.reason,
  });
  const started = await ctx.workflows.start("incident-release", `${id}-release-${Number(n?.n ?? 0) + 1}`, {
    incidentId: id,
    requestedBy: actor.email,
    reason: body.reason,
    slaSeconds: approvalSeconds,
  });
  return { executionId: started.executionId };
}

/** Who may download collected evidence (it can hold process lists and logs). */
export const EVIDENCE_ROLES = ["analysts", "admins"] as const;

export const EvidenceQuery = z.object({ key: z.string().min(1).max(500) }).strict();

/**
 * One evidence object of an incident, for download. Only keys recorded on the incident's own
 * timeline are served; the bytes are hashed again and compared with the recorded SHA-256, and the
 * download is audited.
 */
export async function getEvidence({
  ctx,
  evidence,
  id,
  input,
}: {
  ctx: Ctx;
  evidence: ObjectStore;
  id: string;
  input: unknown;
}): Promise<{ key: string; body: Uint8Array; sha256: string; matchesRecorded: boolean }> {
  const actor = requireRole(ctx.principal, EVIDENCE_ROLES);
  const { key } = EvidenceQuery.parse(input);
  const [rec] = await ctx.db.query<{ sha256: string }>(
    "SELECT detail->>'sha256' AS sha256 FROM incident_events WHERE incident_id = $1 AND kind = 'evidence' AND detail->>'key' = $2 LIMIT 1",
    [id, key],
  );
  if (!rec) throw new AppError("not_found", "No such evidence on this incident");
  const body = await evidence.getOptional(key);
  if (!body) throw new AppError("gone", "The evidence object is no longer in the evidence store");
  const sha256 = createHash("sha256").update(body).digest("hex");
  await recordAudit(ctx.db, {
    actor: actor.email,
    action: "incident.evidence_downloaded",
    subject: id,
    detail: { key, sha256, matchesRecorded: sha256 === rec.sha256 },
  });
  return { key, body, sha256, matchesRecorded: sha256 === rec.sha256 };
}
