import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { Principal } from "@/lib/schemas/auth";
import { findRecordedEvidence } from "./event-store";
import { EVIDENCE_ROLES } from "./roles";

export const EvidenceQuery = z.object({ key: z.string().min(1).max(500) }).strict();
export type EvidenceQuery = z.infer<typeof EvidenceQuery>;

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
  ctx: { db: Database; principal: Principal | null };
  evidence: ObjectStore;
  id: string;
  input: unknown;
}): Promise<{ key: string; body: Uint8Array; sha256: string; matchesRecorded: boolean }> {
  const actor = requireRole(ctx.principal, EVIDENCE_ROLES);
  const { key } = EvidenceQuery.parse(input);
  const rec = await findRecordedEvidence(ctx.db, id, key);
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
