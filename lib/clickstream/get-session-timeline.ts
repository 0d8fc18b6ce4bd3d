import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { SessionTimeline } from "@/lib/schemas/clickstream-reports";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";

/** One session's events in order, with the sign-in its browser is merged by (see identity.ts). */
export async function getSessionTimeline({
  ctx,
  sessionId,
}: {
  ctx: AnalyticsCtx;
  sessionId: string;
}): Promise<SessionTimeline> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  const rows = await ctx.db.query<{
    event_id: string;
    event_timestamp: Date;
    event_name: string;
    product_id: string | null;
    product_name: string | null;
    product_category: string | null;
    price: string | null;
    page_url: string | null;
    client_seq: number | null;
    referrer: string | null;
    user_agent: string | null;
  }>(
    `SELECT event_id, event_timestamp, event_name, product_id, product_name, product_category,
       coalesce(product_discount_price, product_price) AS price, page_url, client_seq, referrer, user_agent
     FROM clickstream_events WHERE session_id = $1 ORDER BY event_timestamp, event_id LIMIT 1000`,
    [sessionId],
  );
  if (rows.length === 0) throw new AppError("not_found", "No such session");
  const [merge] = await ctx.db.query<{ user_id: string; merged_at: Date }>(
    `SELECT i.user_id, i.merged_at FROM clickstream_identities i
     WHERE i.client_id = (SELECT client_id FROM clickstream_events WHERE session_id = $1 LIMIT 1)`,
    [sessionId],
  );
  const events = rows.map((r) => ({
    eventId: r.event_id,
    at: new Date(r.event_timestamp).toISOString(),
    name: r.event_name,
    productId: r.product_id,
    productName: r.product_name,
    category: r.product_category,
    price: r.price === null ? null : Number(r.price),
    pageUrl: r.page_url,
    seq: r.client_seq,
    referrer: r.referrer,
    userAgent: r.user_agent,
  }));
  return {
    events,
    identity: merge ? { userId: merge.user_id, mergedAt: new Date(merge.merged_at).toISOString() } : null,
  };
}
