import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";

/** Clickstream analytics are for admins (the verbs check, whoever calls them). */
export const ANALYTICS_ROLES = ["admins"] as const;

export interface AnalyticsCtx {
  db: Database;
  principal: Principal | null;
}
