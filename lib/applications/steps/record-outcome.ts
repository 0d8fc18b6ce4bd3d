import type { Json } from "@/lib/ports/workflow-engine";
import { expirePendingReviews } from "@/lib/reviews/review-store";
import { recordApplicationOutcome } from "../application-store";
import type { ApplicationReviewDeps } from "../deps";

/** RecordOutcome: the application's final status; an expired review task is marked so. */
export async function recordOutcome(deps: ApplicationReviewDeps, raw: Json): Promise<Json> {
  const p = raw as {
    applicationId: string;
    outcome: { status: "approved" | "rejected" | "expired" } & Record<string, Json>;
  };
  await deps.db.transaction(async (tx) => {
    await recordApplicationOutcome(tx, p.applicationId, p.outcome);
    if (p.outcome.status === "expired") {
      await expirePendingReviews(tx, p.applicationId);
    }
  });
  return { status: p.outcome.status };
}
