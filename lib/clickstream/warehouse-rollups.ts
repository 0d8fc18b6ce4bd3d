import type { Queryable } from "@/lib/ports/database";
import {
  type Attribute,
  buildSessionRollupParams,
  computeOrderKey,
  ROLLUP_STEPS,
  type RollupStep,
  SESSION_ROLLUP_MERGE,
  type SessionDelta,
} from "./session-rollup";
import { COL, type WarehouseRow } from "./warehouse-rows";

const ROLLUP_STEP_SET = new Set<string>(ROLLUP_STEPS);
const ATTRIBUTE_OF: Record<Attribute, (r: WarehouseRow) => unknown> = {
  category: (r) => r[COL.category],
  brand: (r) => r[COL.brand],
  login_state: (r) => r[COL.login],
  identity_source: (r) => r[COL.identity],
  first_visit: (r) => r[COL.firstVisit],
  user_id: (r) => r[COL.user],
  product_value: (r) => r[COL.discount] ?? r[COL.price],
};
/** Product-day counter columns (positions in a product-day row) by event name. */
const DAY_COUNTER: Record<string, number> = { product_view: 5, add_to_cart: 6, checkout_start: 7, purchase: 8 };

const HOURLY_MERGE = `INSERT INTO clickstream_event_hourly AS h (hour, event_name, events)
     SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::int4[])
     ON CONFLICT (hour, event_name) DO UPDATE SET events = h.events + EXCLUDED.events`;

const PRODUCT_DAILY_MERGE = `INSERT INTO clickstream_product_daily AS d (product_id, day, name, category, brand, views, carts, checkouts, purchases, discount_views, discount_purchases, revenue)
  SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::int4[], $7::int4[], $8::int4[], $9::int4[], $10::int4[], $11::int4[], $12::numeric[])
  ON CONFLICT (product_id, day) DO UPDATE SET
    name = coalesce(EXCLUDED.name, d.name), category = coalesce(EXCLUDED.category, d.category),
    brand = coalesce(EXCLUDED.brand, d.brand), views = d.views + EXCLUDED.views, carts = d.carts + EXCLUDED.carts,
    checkouts = d.checkouts + EXCLUDED.checkouts, purchases = d.purchases + EXCLUDED.purchases,
    discount_views = d.discount_views + EXCLUDED.discount_views,
    discount_purchases = d.discount_purchases + EXCLUDED.discount_purchases,
    revenue = d.revenue + EXCLUDED.revenue`;

interface ProductDay {
  v: unknown[];
  cents: number;
}

/** One row's contribution to its session's delta. */
function addToSession(sessions: Map<string, SessionDelta>, r: WarehouseRow): void {
  const ms = r[COL.ts] as number;
  const name = r[COL.name] as string;
  const sid = r[COL.session] as string;
  let s = sessions.get(sid);
  if (!s) {
    s = { sessionId: sid, clientId: r[COL.client] as string, startedAt: ms, events: 0, steps: {}, attributes: {} };
    sessions.set(sid, s);
  }
  s.events++;
  if ((r[COL.client] as string) < s.clientId) s.clientId = r[COL.client] as string;
  if (ms < s.startedAt) s.startedAt = ms;
  if (ROLLUP_STEP_SET.has(name)) {
    const prev = s.steps[name as RollupStep];
    if (prev === undefined || ms < prev) s.steps[name as RollupStep] = ms;
  }
  let key: string | undefined;
  for (const a of Object.keys(ATTRIBUTE_OF) as Attribute[]) {
    const value = ATTRIBUTE_OF[a](r);
    if (value === null || value === undefined) continue;
    key ??= computeOrderKey(ms, r[COL.id] as string);
    const cur = s.attributes[a];
    if (!cur || key < cur.key) s.attributes[a] = { value, key };
  }
}

/** One row's contribution to its product's day (rows without a product have none). */
function addToProductDay(days: Map<string, ProductDay>, r: WarehouseRow): void {
  const product = r[COL.product] as string | null;
  if (!product) return;
  const ms = r[COL.ts] as number;
  const name = r[COL.name] as string;
  const day = new Date(ms).toISOString().slice(0, 10);
  const k = `${product}|${day}`;
  let d = days.get(k);
  if (!d) {
    d = { v: [product, day, null, null, null, 0, 0, 0, 0, 0, 0], cents: 0 };
    days.set(k, d);
  }
  d.v[2] ??= r[COL.productName];
  d.v[3] ??= r[COL.category];
  d.v[4] ??= r[COL.brand];
  const counter = DAY_COUNTER[name];
  if (counter) d.v[counter] = (d.v[counter] as number) + 1;
  const discounted = r[COL.discount] !== null && r[COL.discount] !== undefined;
  if (discounted && name === "product_view") d.v[9] = (d.v[9] as number) + 1;
  if (discounted && name === "purchase") d.v[10] = (d.v[10] as number) + 1;
  if (name === "purchase") d.cents += Math.round(Number(ATTRIBUTE_OF.product_value(r) ?? 0) * 100);
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : 1);

/** The rollup merges' parameters for rows just inserted (one array per column; null when nothing to merge). */
export function buildRollupParams(rows: readonly WarehouseRow[]): {
  sessions: unknown[][];
  hourly: unknown[][];
  productDaily: unknown[][] | null;
} {
  const sessions = new Map<string, SessionDelta>();
  const days = new Map<string, ProductDay>();
  const hourly = new Map<string, number>();
  for (const r of rows) {
    addToSession(sessions, r);
    const ms = r[COL.ts] as number;
    const hk = `${new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString()}|${r[COL.name] as string}`;
    hourly.set(hk, (hourly.get(hk) ?? 0) + 1);
    addToProductDay(days, r);
  }
  const pd = [...days.entries()].sort(byKey).map(([, d]) => [...d.v, (d.cents / 100).toFixed(2)]);
  const hours = [...hourly.entries()].sort(byKey).map(([k, n]) => [...k.split("|"), n]);
  return {
    sessions: buildSessionRollupParams([...sessions.values()]),
    hourly: [hours.map((h) => h[0]), hours.map((h) => h[1]), hours.map((h) => h[2])],
    productDaily: pd.length ? Array.from({ length: 12 }, (_, i) => pd.map((row) => row[i])) : null,
  };
}

/**
 * Rollups from the rows just inserted (never from re-sent ones, so they stay exact under re-runs
 * and late events without re-reading events): the session funnel rollup, product-day counters and
 * events per hour and name.
 */
export async function applyRollups(q: Queryable, rows: WarehouseRow[]): Promise<void> {
  if (rows.length === 0) return;
  const params = buildRollupParams(rows);
  await q.query(SESSION_ROLLUP_MERGE, params.sessions);
  await q.query(HOURLY_MERGE, params.hourly);
  if (params.productDaily) await q.query(PRODUCT_DAILY_MERGE, params.productDaily);
}
