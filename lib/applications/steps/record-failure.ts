import type { Json } from "@/lib/ports/workflow-engine";
import { closePendingReviews } from "@/lib/reviews/review-store";
import { markApplicationFailed } from "../application-store";
import type { ApplicationReviewDeps } from "../deps";

/** RecordFailure, the explicit error path: what failed is kept on the application before the execution fails. */
export async function recordFailure(deps: ApplicationReviewDeps, raw: Json): Promise<Json> {
  const p = raw as { applicationId?: string; error?: { Error?: string; Cause?: unknown } };
  if (p.applicationId) {
    await markApplicationFailed(deps.db, p.applicationId, {
      status: "failed",
      error: p.error?.Error ?? "unknown",
      cause: String(p.error?.Cause ?? ""),
    });
    await closePendingReviews(deps.db, p.applicationId);
  }
  return { recorded: true };
}
