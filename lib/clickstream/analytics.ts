import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { Principal } from "@/lib/schemas/auth";
import {
  nextDay,
  type OverviewQuery,
  type ProductReportQuery,
  type SavedFunnel,
  type SessionEvent,
  type SessionSummary,
  type SessionsQuery,
  type TopPathsQuery,
} from "@/lib/schemas/clickstream-reports";
import { FunnelQuery } from "@/lib/schemas/funnel";
import { requireRole } from "@/lib/auth/require-role";
import { runFunnel } from "./funnel";
import { overview, productReport } from "./reports";

/** Clickstream analytics are for admins (the verbs check, whoever calls them). */
const ADMINS = ["admins"] as const;
type Ctx = { db: Database; principal: Principal | null };

export async function funnelFor({ ctx, input }: { ctx: Ctx; input: FunnelQuery }) {
  requireRole(ctx.principal, ADMINS);
  return runFunnel(ctx.db, input);
}

export async function productReportFor({ ctx, input }: { ctx: Ctx; input: ProductReportQuery }) {
  requireRole(ctx.principal, ADMINS);
  return productReport(ctx.db, input);
}

export async function overviewFor({ ctx, input }: { ctx: Ctx & { raw: ObjectStore }; input: OverviewQuery }) {
  requireRole(ctx.principal, ADMINS);
  return overview(ctx.db, ctx.raw, input);
}

const toSaved = (r: {
  id: string;
  name: string;
  definition: Record<string, unknown>;
  created_by: string;
  created_at: Date;
}) => ({
  id: r.id,
  name: r.name,
  definition: r.definition,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Saves a named funnel (its definition must be a valid funnel); audited. */
export async function saveFunnel({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { name: string; definition: Record<string, unknown> };
}): Promise<SavedFunnel> {
  const me = requireRole(ctx.principal, ADMINS);
  const definition = FunnelQuery.parse(input.definition);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<Parameters<typeof toSaved>[0]>(
      "INSERT INTO clickstream_saved_funnels (id, name, definition, created_by) VALUES ($1, $2, $3, $4) RETURNING *",
      [id, input.name, JSON.stringify(definition), me.email],
    );
    await recordAudit(tx, { actor: me.email, action: "funnel.saved", subject: id, detail: { name: input.name } });
    return toSaved(row as Parameters<typeof toSaved>[0]);
  });
}

export async function listSavedFunnels({ ctx }: { ctx: Ctx }): Promise<SavedFunnel[]> {
  requireRole(ctx.principal, ADMINS);
  const rows = await ctx.db.query<Parameters<typeof toSaved>[0]>(
    "SELECT * FROM clickstream_saved_funnels ORDER BY created_at DESC LIMIT 200",
  );
  return rows.map(toSaved);
}

export async function getSavedFunnel({ ctx, id }: { ctx: Ctx; id: string }): Promise<SavedFunnel> {
  requireRole(ctx.principal, ADMINS);
  const [row] = await ctx.db.query<Parameters<typeof toSaved>[0]>(
    "SELECT * FROM clickstream_saved_funnels WHERE id = $1",
    [id],
  );
  if (!row) throw new AppError("not_found", "No such saved funnel");
  return toSaved(row);
}

/** Sessions (newest first, keyset by start time) with their path of events. */
export async function listSessions({ ctx, input }: { ctx: Ctx; input: SessionsQuery }): Promise<SessionSummary[]> {
  requireRole(ctx.principal, ADMINS);
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
  }>(
    `SELECT f.session_id, f.client_id, f.started_at, f.events, f.login_state, f.category,
       (SELECT array_agg(e.event_name ORDER BY e.event_timestamp, e.event_id) FROM (
          SELECT event_name, event_timestamp, event_id FROM clickstream_events e WHERE e.session_id = f.session_id
          ORDER BY event_timestamp, event_id LIMIT 30) e) AS path
     FROM clickstream_session_funnel f WHERE ${where.join(" AND ")}
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
  }));
}

/** One session's events in order. */
export async function getSessionTimeline({ ctx, sessionId }: { ctx: Ctx; sessionId: string }): Promise<SessionEvent[]> {
  requireRole(ctx.principal, ADMINS);
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
  }>(
    `SELECT event_id, event_timestamp, event_name, product_id, product_name, product_category,
       coalesce(product_discount_price, product_price) AS price, page_url, client_seq
     FROM clickstream_events WHERE session_id = $1 ORDER BY event_timestamp, event_id LIMIT 1000`,
    [sessionId],
  );
  if (rows.length === 0) throw new AppError("not_found", "No such session");
  return rows.map((r) => ({
    eventId: r.event_id,
    at: new Date(r.event_timestamp).toISOString(),
    name: r.event_name,
    productId: r.product_id,
    productName: r.product_name,
    category: r.product_category,
    price: r.price === null ? null : Number(r.price),
    pageUrl: r.page_url,
    seq: r.client_seq,
  }));
}

/**
 * The most common paths between the first `start` event and the next `end` event of a session
 * (the events in between, up to 6), over at most 7 days so it stays interactive.
 */
export async function topPaths({ ctx, input }: { ctx: Ctx; input: TopPathsQuery }) {
  requireRole(ctx.principal, ADMINS);
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
