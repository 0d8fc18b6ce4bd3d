import type { Database } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { Principal } from "@/lib/schemas/auth";

/** Who may read the security lake views (findings, activity, entities) and act on findings. */
export const FINDINGS_ROLES = ["analysts", "admins"] as const;

/** What every findings verb runs with: the relational overlay, the lake engine and the caller. */
export interface LakeCtx {
  db: Database;
  lake: LakeQueryEngine;
  principal: Principal | null;
}
