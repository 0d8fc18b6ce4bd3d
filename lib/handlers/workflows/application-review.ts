/**
 * Lambdas behind the application-review state machine's Task states: each export is one function
 * (`ValidateName`, `ValidateAddress`, `RegisterReview` for PendingReview's callback, `RecordOutcome`,
 * `RecordFailure`) and calls the same handler code the local engine binds. The Lambda invoke
 * integration passes the state's `Payload` as the event.
 */
import { openDatabase } from "@/lib/adapters/compose/database";
import { applicationReviewHandlers } from "@/lib/applications/application-review-handlers";
import { DEMO_DENYLIST } from "@/lib/applications/rules";
import { loadEnv } from "@/lib/env";
import type { Database } from "@/lib/ports/database";
import type { Json } from "@/lib/ports/workflow-engine";

let db: Promise<Database> | undefined;
const handlers = async () => {
  db ??= openDatabase(loadEnv());
  return applicationReviewHandlers({ db: await db, denylist: DEMO_DENYLIST });
};
const forState = (state: string) => async (event: Json) => {
  const h = (await handlers())[state];
  if (!h) throw new Error(`no handler for ${state}`);
  return h(event);
};

export const validateName = forState("ValidateName");
export const validateAddress = forState("ValidateAddress");
export const registerReview = forState("PendingReview");
export const recordOutcome = forState("RecordOutcome");
export const recordFailure = forState("RecordFailure");
