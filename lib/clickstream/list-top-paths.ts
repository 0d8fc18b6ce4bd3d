import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import { nextDay, type TopPathsQuery } from "@/lib/schemas/clickstream-reports";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";

/**
 * The most common paths between the first `start` event and the next `end` event of a session
 * (the events in between, up to 6), over at most 7 days so it stays interactive.
 */
export async function listTopPaths({ ctx, input }: { ctx: AnalyticsCtx; input: TopPathsQuery }) {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  const to = nextDay(input.to);
  if (Date.parse(to) - Date.parse(input.from) > 7 * 86_400_000)
    throw new AppError("invalid_input", "Top paths read raw events: choose at most 7 days.");
  const rows = await ctx.db.query<{ path: string[] }>(
    `WITH e AS (
       SELECT session_id, event_name, row_number() OVER (PARTITION BY session_id ORDER BY event_timestamp, event_id) AS n
       FROM clickstream_events WHERE event_timestamp >= $1::date AND event_timestamp < $2::date
     ), s AS (SELECT session_id, min(n) AS a FROM e WHERE event_name = $3 GROUP BY 1),
     t AS (SELECT s.session_id, s.a, min(e.n) AS b FROM s JOIN e ON e.session_id = s.session_id AND e.n > s.a AND e.event_name = $4 GROUP BY 1, 2)
     SELECT coalesce(array_agg(e.event_name ORDER BY e.n) FILTER (WHERE e.n IS NOT NULL), '{}') AS path
     FROM t LEFT JOIN e ON e.session_id = t.session_id AND e.n > t.a AND e.n < t.b AND e.n <= t.a + 6
     GROUP BY t.session_id`,
    [input.from, to, input.start, input.end],
  );
  const counts = new Map<string, { path: string[]; sessions: number }>();
  for (const r of rows) {
    const k = r.path.join("\u0000");
    const c = counts.get(k) ?? { path: r.path, sessions: 0 };
    c.sessions++;
    counts.set(k, c);
  }
  return [...counts.values()].sort((a, b) => b.sessions - a.sessions).slice(0, 20);
}
