import type { Env } from "@/lib/env";
import type { Database } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { Principal } from "@/lib/schemas/auth";
import type { ScheduledRunSummary } from "./run-scheduled-detections";

/** Who reads rules and backtests them, and who changes them or runs the engine. */
export const RULE_READERS = ["analysts", "admins"] as const;
export const RULE_ADMINS = ["admins"] as const;

/** What the rule verbs run with: the overlay database, the lake, the caller and where Sigma rules are. */
export interface DetectionsCtx {
  db: Database;
  lake: LakeQueryEngine;
  principal: Principal | null;
  env: Pick<Env, "dataDir" | "SIGHTLINE_SIGMA_DIR">;
  /** Local backend only: runs the threshold and sequence rules now (in AWS their schedule does). */
  runDetections?: () => Promise<ScheduledRunSummary>;
}
