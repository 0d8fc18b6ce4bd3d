import type { Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import {
  nextDay,
  type Overview,
  type OverviewPeriod,
  type OverviewQuery,
  type ProductReportQuery,
  type ProductReportRow,
} from "@/lib/schemas/clickstream-reports";
import { getWarehouseCompleteness } from "./pending-objects";

const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Product funnel per product, category or brand, from the ETL-maintained product-day rollup. */
export async function computeProductReport(db: Queryable, q: ProductReportQuery): Promise<ProductReportRow[]> {
  const params: unknown[] = [q.from, nextDay(q.to)];
  const where = ["day >= $1::date", "day < $2::date"];
  if (q.category) where.push(`category = $${params.push(q.category)}`);
  if (q.brand) where.push(`brand = $${params.push(q.brand)}`);
  if (q.search)
    where.push(
      `(name ILIKE $${params.push(`%${q.search.replace(/[\\%_]/g, "\\$&")}%`)} OR product_id = $${params.length})`,
    );
  const key = { product: "product_id", category: "coalesce(category, '(none)')", brand: "coalesce(brand, '(none)')" }[
    q.groupBy
  ];
  const sort = {
    views: "views",
    carts: "carts",
    checkouts: "checkouts",
    purchases: "purchases",
    revenue: "revenue",
    conversion: "purchases::float8 / nullif(views, 0)",
  }[q.sort];
  const rows = await db.query<Record<string, string | number | null>>(
    `SELECT ${key} AS key,
       ${q.groupBy === "product" ? "max(name)" : "NULL"} AS name,
       ${q.groupBy === "brand" ? "NULL" : "max(category)"} AS category,
       ${q.groupBy === "category" ? "NULL" : "max(brand)"} AS brand,
       sum(views)::int AS views, sum(carts)::int AS carts, sum(checkouts)::int AS checkouts,
       sum(purchases)::int AS purchases, sum(revenue)::float8 AS revenue,
       sum(discount_views)::int AS discount_views, sum(discount_purchases)::int AS discount_purchases
     FROM clickstream_product_daily WHERE ${where.join(" AND ")}
     GROUP BY 1 ORDER BY ${sort} ${q.dir === "asc" ? "ASC" : "DESC"} NULLS LAST, 1 LIMIT ${q.limit}`,
    params,
  );
  return rows.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    const fullViews = n("views") - n("discount_views");
    const fullPurchases = n("purchases") - n("discount_purchases");
    return {
      key: String(r.key),
      name: (r.name as string | null) ?? null,
      category: (r.category as string | null) ?? null,
      brand: (r.brand as string | null) ?? null,
      views: n("views"),
      carts: n("carts"),
      checkouts: n("checkouts"),
      purchases: n("purchases"),
      revenue: n("revenue"),
      viewToCart: ratio(n("carts"), n("views")),
      cartToCheckout: ratio(n("checkouts"), n("carts")),
      checkoutToPurchase: ratio(n("purchases"), n("checkouts")),
      conversion: ratio(n("purchases"), n("views")),
      discountConversion: n("discount_views") ? n("discount_purchases") / n("discount_views") : null,
      fullPriceConversion: fullViews ? fullPurchases / fullViews : null,
    };
  });
}

async function getPeriodTotals(db: Queryable, from: string, to: string): Promise<OverviewPeriod> {
  const [s] = await db.query<Record<string, string>>(
    `SELECT count(*) AS sessions, count(DISTINCT client_id) AS clients, count(DISTINCT user_id) AS users,
       count(*) FILTER (WHERE first_visit) AS first_visits, count(*) FILTER (WHERE login_state = 'logged_in') AS logged_in
     FROM clickstream_session_funnel WHERE started_at >= $1::date AND started_at < $2::date`,
    [from, to],
  );
  const [e] = await db.query<{ n: string }>(
    "SELECT coalesce(sum(events), 0) AS n FROM clickstream_event_hourly WHERE hour >= $1::date AND hour < $2::date",
    [from, to],
  );
  const sessions = Number(s?.sessions ?? 0);
  return {
    events: Number(e?.n ?? 0),
    sessions,
    clients: Number(s?.clients ?? 0),
    users: Number(s?.users ?? 0),
    firstVisitShare: ratio(Number(s?.first_visits ?? 0), sessions),
    loggedInShare: ratio(Number(s?.logged_in ?? 0), sessions),
  };
}

/**
 * The overview from rollups only (sessions by start, events per hour, product days): totals with the
 * previous period of the same length, per-day volume, top events, categories and brands.
 */
export async function computeOverview(db: Queryable, raw: ObjectStore, q: OverviewQuery): Promise<Overview> {
  const to = nextDay(q.to);
  const days = Math.round((Date.parse(to) - Date.parse(q.from)) / 86_400_000);
  const prevFrom = new Date(Date.parse(q.from) - days * 86_400_000).toISOString().slice(0, 10);
  const unitExpr = { session: "count(*)", client: "count(DISTINCT client_id)", user: "count(DISTINCT user_id)" }[
    q.unit
  ];
  const [current, previous, perDayUnits, perDayEvents, topEvents, top, loginStates, complete] = await Promise.all([
    getPeriodTotals(db, q.from, to),
    getPeriodTotals(db, prevFrom, q.from),
    db.query<{ day: string; units: string }>(
      `SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, ${unitExpr} AS units
       FROM clickstream_session_funnel WHERE started_at >= $1::date AND started_at < $2::date GROUP BY 1`,
      [q.from, to],
    ),
    db.query<{ day: string; events: string }>(
      `SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, sum(events) AS events
       FROM clickstream_event_hourly WHERE hour >= $1::date AND hour < $2::date GROUP BY 1`,
      [q.from, to],
    ),
    db.query<{ name: string; events: string }>(
      `SELECT event_name AS name, sum(events) AS events FROM clickstream_event_hourly
       WHERE hour >= $1::date AND hour < $2::date GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
      [q.from, to],
    ),
    db.query<{ kind: string; name: string; views: string; purchases: string }>(
      `SELECT * FROM (
         SELECT 'category' AS kind, coalesce(category, '(none)') AS name, sum(views) AS views, sum(purchases) AS purchases
         FROM clickstream_product_daily WHERE day >= $1::date AND day < $2::date GROUP BY 2 ORDER BY 3 DESC LIMIT 8) c
       UNION ALL SELECT * FROM (
         SELECT 'brand', coalesce(brand, '(none)'), sum(views), sum(purchases)
         FROM clickstream_product_daily WHERE day >= $1::date AND day < $2::date GROUP BY 2 ORDER BY 3 DESC LIMIT 8) b`,
      [q.from, to],
    ),
    db.query<{ state: string; sessions: string }>(
      `SELECT coalesce(login_state, 'unknown') AS state, count(*) AS sessions FROM clickstream_session_funnel
       WHERE started_at >= $1::date AND started_at < $2::date GROUP BY 1 ORDER BY 2 DESC`,
      [q.from, to],
    ),
    getWarehouseCompleteness(db, raw),
  ]);
  const byDay = new Map<string, { day: string; events: number; units: number }>();
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.parse(q.from) + d * 86_400_000).toISOString().slice(0, 10);
    byDay.set(day, { day, events: 0, units: 0 });
  }
  for (const r of perDayEvents) {
    const x = byDay.get(r.day);
    if (x) x.events = Number(r.events);
  }
  for (const r of perDayUnits) {
    const x = byDay.get(r.day);
    if (x) x.units = Number(r.units);
  }
  const tops = (kind: string) =>
    top
      .filter((t) => t.kind === kind)
      .map((t) => ({ name: t.name, views: Number(t.views), purchases: Number(t.purchases) }));
  return {
    current,
    previous,
    perDay: [...byDay.values()],
    topEvents: topEvents.map((t) => ({ name: t.name, events: Number(t.events) })),
    topCategories: tops("category"),
    topBrands: tops("brand"),
    loginStates: loginStates.map((l) => ({ state: l.state, sessions: Number(l.sessions) })),
    completeUpTo: complete.completeUpTo,
  };
}
