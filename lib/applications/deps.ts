import type { Database } from "@/lib/ports/database";
import type { Json } from "@/lib/ports/workflow-engine";
import type { Denylist } from "./rules";

export interface ApplicationReviewDeps {
  db: Database;
  denylist: Denylist;
}

/** A Task state's code as the engines bind it: the state's payload in, its result out. */
export type StepHandler = (payload: Json) => Promise<Json>;

/** One workflow step, given the workflow's dependencies and the state's payload. */
export type ApplicationReviewStep = (deps: ApplicationReviewDeps, payload: Json) => Promise<Json>;
