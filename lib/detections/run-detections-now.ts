import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { RunDetectionsResult } from "@/lib/schemas/detections";
import { type DetectionsCtx, RULE_ADMINS } from "./rules-ctx";

/**
 * Admins run the threshold and sequence rules now instead of waiting for the schedule (local
 * backend). In AWS the schedule (EventBridge → Lambda) is the only runner: the answer says so.
 */
export async function runDetectionsNow({
  ctx,
}: {
  ctx: Pick<DetectionsCtx, "db" | "principal" | "runDetections">;
}): Promise<RunDetectionsResult> {
  const actor = requireRole(ctx.principal, RULE_ADMINS);
  if (!ctx.runDetections)
    throw new AppError(
      "conflict",
      "Scheduled detections run on their own schedule in AWS; running them on demand is only possible on the local backend.",
    );
  const summary = await ctx.runDetections();
  const result = { evaluated: summary.evaluated.length, findings: summary.findings, raised: summary.raised };
  await recordAudit(ctx.db, { actor: actor.email, action: "detection.run", detail: result });
  return result;
}
