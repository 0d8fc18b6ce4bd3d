import { requireRole } from "@/lib/auth/require-role";
import { nextDay, type SessionSummary, type SessionsQuery } from "@/lib/schemas/clickstream-reports";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";

/** Sessions (newest first, keyset by start time) with their path of events. */
export async function listSessions({
  ctx,
  input,
}: {
  ctx: AnalyticsCtx;
  input: SessionsQuery;
}): Promise<SessionSummary[]> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  const params: unknown[] = [input.from, nextDay(input.to)];
  const where = ["f.started_at >= $1::date", "f.started_at < $2::date"];
  if (input.reached) where.push(`f.${input.reached} IS NOT NULL`);
  if (input.before) where.push(`f.started_at < $${params.push(input.before)}::timestamptz`);
  const rows = await ctx.db.query<{
    session_id: string;
    client_id: string;
    started_at: Date;
    events: number;
    login_state: string | null;
    category: string | null;
    path: string[];
    user_agent: string | null;
    referrer: string | null;
    duration_ms: string | number | null;
  }>(
    `SELECT f.session_id, f.client_id, f.started_at, f.events, f.login_state, f.category,
       (SELECT array_agg(e.event_name ORDER BY e.event_timestamp, e.event_id) FROM (
          SELECT event_name, event_timestamp, event_id FROM clickstream_events e WHERE e.session_id = f.session_id
          ORDER BY event_timestamp, event_id LIMIT 30) e) AS path,
       x.user_agent, x.referrer, x.duration_ms
     FROM clickstream_session_funnel f
     LEFT JOIN LATERAL (
       SELECT (array_agg(e.user_agent ORDER BY e.event_timestamp, e.event_id) FILTER (WHERE e.user_agent IS NOT NULL))[1] AS user_agent,
         (array_agg(e.referrer ORDER BY e.event_timestamp, e.event_id))[1] AS referrer,
         (extract(epoch FROM max(e.event_timestamp) - min(e.event_timestamp)) * 1000)::float8 AS duration_ms
       FROM clickstream_events e WHERE e.session_id = f.session_id) x ON true
     WHERE ${where.join(" AND ")}
     ORDER BY f.started_at DESC LIMIT ${input.limit}`,
    params,
  );
  return rows.map((r) => ({
    sessionId: r.session_id,
    clientId: r.client_id,
    startedAt: new Date(r.started_at).toISOString(),
    events: r.events,
    loginState: r.login_state,
    category: r.category,
    path: r.path ?? [],
    userAgent: r.user_agent,
    referrer: r.referrer,
    durationMs: r.duration_ms === null ? 0 : Number(r.duration_ms),
  }));
}
