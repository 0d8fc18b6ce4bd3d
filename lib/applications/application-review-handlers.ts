import type { Json } from "@/lib/ports/workflow-engine";
import type { ApplicationReviewDeps, ApplicationReviewStep, StepHandler } from "./deps";
import { recordFailure } from "./steps/record-failure";
import { recordOutcome } from "./steps/record-outcome";
import { registerReview } from "./steps/register-review";
import { checkAddress, checkName } from "./steps/run-checks";

/** Task state name → step. PendingReview's callback target is the RegisterReview Lambda. */
const STEPS: Record<string, ApplicationReviewStep> = {
  ValidateName: checkName,
  ValidateAddress: checkAddress,
  PendingReview: registerReview,
  RecordOutcome: recordOutcome,
  RecordFailure: recordFailure,
};

/**
 * The code behind every Task state of `workflows/application-review.asl.json`, keyed by state name.
 * The Lambda entry points (`lib/handlers/workflows/`) and the local engine call these same functions.
 */
export function applicationReviewHandlers(deps: ApplicationReviewDeps): Record<string, StepHandler> {
  return Object.fromEntries(
    Object.entries(STEPS).map(([state, step]) => [state, (payload: Json) => step(deps, payload)]),
  );
}
