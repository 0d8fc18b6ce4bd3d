import type { Database } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { Principal } from "@/lib/schemas/auth";

/** Clickstream analytics are for admins (the verbs check, whoever calls them). */
export const ANALYTICS_ROLES = ["admins"] as const;

export interface AnalyticsCtx {
  db: Database;
  principal: Principal | null;
  /** The columnar copy of the events, where this deployment has one (funnels read it when it is complete). */
  eventLake?: EventLakeQuery;
}
