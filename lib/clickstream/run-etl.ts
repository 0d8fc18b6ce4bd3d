import type { Database, Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { ClickEvent, type RawEventLine } from "@/lib/schemas/clickstream";
import { hourOfKey } from "./ingest";

/** Late objects are picked up for this long after their hour. */
export const LATE_HOURS = 72;
/** How long a run's lease lasts if the process dies without releasing it. */
const LEASE = "15 minutes";
const BATCH = 1000;

const COLUMNS = [
  "event_id",
  "event_timestamp",
  "event_name",
  "user_id",
  "user_login_state",
  "identity_source",
  "client_id",
  "session_id",
  "is_first_visit",
  "product_id",
  "product_name",
  "product_category",
  "product_brand",
  "product_price",
  "product_discount_price",
  "product_url_path",
  "page_url",
  "referrer",
  "received_at",
  "client_seq",
] as const;

type WarehouseRow = unknown[];

/** One raw line → the warehouse row; throws with the reason when the line is unusable. */
export function toWarehouseRow(line: string): WarehouseRow {
  const raw = JSON.parse(line) as Partial<RawEventLine>;
  if (!raw || typeof raw !== "object" || typeof raw.receivedAt !== "number") throw new Error("not a raw event line");
  const e = ClickEvent.parse(raw.event);
  const ts = e.timestamp ?? e.eventTimestamp;
  const ms = typeof ts === "number" ? ts : Date.parse(ts as string);
  const p = e.product;
  return [
    e.eventId,
    new Date(ms).toISOString(),
    e.eventName,
    e.userId ?? null,
    e.userLoginState ?? null,
    e.identitySource ?? null,
    e.clientId,
    e.sessionId,
    e.isFirstVisit ?? null,
    p?.id ?? null,
    p?.name ?? null,
    p?.category ?? null,
    p?.brand ?? null,
    p?.price ?? null,
    p?.discountPrice ?? null,
    p?.urlPath ?? null,
    e.pageUrl ?? null,
    e.referrer ?? null,
    new Date(raw.receivedAt).toISOString(),
    e.seq ?? e.clientSeq ?? null,
  ];
}

async function insertRows(
  q: Queryable,
  rows: WarehouseRow[],
): Promise<{ inserted: number; sessions: string[]; productDays: [string, string][] }> {
  if (rows.length === 0) return { inserted: 0, sessions: [], productDays: [] };
  const params: unknown[] = [];
  const values = rows.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(", ")})`);
  const inserted = await q.query<{ session_id: string; product_id: string | null; day: string }>(
    `INSERT INTO clickstream_events (${COLUMNS.join(", ")}) VALUES ${values.join(", ")}
     ON CONFLICT (event_id) DO NOTHING
     RETURNING session_id, product_id, to_char(event_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day`,
    params,
  );
  return {
    inserted: inserted.length,
    sessions: inserted.map((r) => r.session_id),
    productDays: inserted.filter((r) => r.product_id).map((r) => [r.product_id as string, r.day]),
  };
}

/** Rollups recomputed from the events for the sessions and product-days a load touched (so re-runs converge). */
async function refreshRollups(q: Queryable, sessions: string[], productDays: [string, string][]) {
  if (sessions.length) {
    await q.query(
      `INSERT INTO clickstream_session_steps (session_id, client_id, started_at, page_view, category_view, product_view, add_to_cart, checkout_start, purchase)
       SELECT session_id, min(client_id), min(event_timestamp),
         min(event_timestamp) FILTER (WHERE event_name = 'page_view'),
         min(event_timestamp) FILTER (WHERE event_name = 'category_view'),
         min(event_timestamp) FILTER (WHERE event_name = 'product_view'),
         min(event_timestamp) FILTER (WHERE event_name = 'add_to_cart'),
         min(event_timestamp) FILTER (WHERE event_name = 'checkout_start'),
         min(event_timestamp) FILTER (WHERE event_name = 'purchase')
       FROM clickstream_events WHERE session_id = ANY($1) GROUP BY session_id
       ON CONFLICT (session_id) DO UPDATE SET started_at = EXCLUDED.started_at, page_view = EXCLUDED.page_view,
         category_view = EXCLUDED.category_view, product_view = EXCLUDED.product_view, add_to_cart = EXCLUDED.add_to_cart,
         checkout_start = EXCLUDED.checkout_start, purchase = EXCLUDED.purchase`,
      [[...new Set(sessions)]],
    );
  }
  if (productDays.length) {
    const uniq = [...new Map(productDays.map((pd) => [pd.join("|"), pd])).values()];
    await q.query(
      `INSERT INTO clickstream_product_daily (product_id, day, name, category, brand, views, carts, checkouts, purchases, revenue)
       SELECT e.product_id, (e.event_timestamp AT TIME ZONE 'UTC')::date, max(product_name), max(product_category), max(product_brand),
         count(*) FILTER (WHERE event_name = 'product_view'),
         count(*) FILTER (WHERE event_name = 'add_to_cart'),
         count(*) FILTER (WHERE event_name = 'checkout_start'),
         count(*) FILTER (WHERE event_name = 'purchase'),
         coalesce(sum(coalesce(product_discount_price, product_price)) FILTER (WHERE event_name = 'purchase'), 0)
       FROM clickstream_events e
       JOIN unnest($1::text[], $2::date[]) AS k(product_id, day)
         ON e.product_id = k.product_id
        AND e.event_timestamp >= k.day::timestamp AT TIME ZONE 'UTC'
        AND e.event_timestamp < (k.day + 1)::timestamp AT TIME ZONE 'UTC'
       GROUP BY 1, 2
       ON CONFLICT (product_id, day) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, brand = EXCLUDED.brand,
         views = EXCLUDED.views, carts = EXCLUDED.carts, checkouts = EXCLUDED.checkouts, purchases = EXCLUDED.purchases,
         revenue = EXCLUDED.revenue`,
      [uniq.map((u) => u[0]), uniq.map((u) => u[1])],
    );
  }
}

export interface WarehouseRunSummary {
  runId: number | null;
  status: "succeeded" | "skipped";
  hours: number;
  objects: number;
  read: number;
  loaded: number;
  duplicates: number;
  quarantined: number;
}

/**
 * The hourly warehouse load. Under a lease (a second run skips), for every raw hour in the
 * last `LATE_HOURS` (by listing `events/`), loads the objects its load record does not list yet:
 * each line validated and transformed, rows bulk-inserted with `ON CONFLICT (event_id) DO NOTHING`,
 * bad lines quarantined with their reason, rollups refreshed, and the object recorded — one
 * transaction per object, so a crash re-loads at most that object, without duplicates.
 */
export async function runWarehouseEtl(args: {
  db: Database;
  raw: ObjectStore;
  trigger: string;
  now?: number;
}): Promise<WarehouseRunSummary> {
  const { db, raw } = args;
  const now = args.now ?? Date.now();
  return db.withSession(async (conn) => {
    const holder = `${process.pid}-${Math.random().toString(36).slice(2)}`;
    const lease = await conn.query(
      `INSERT INTO clickstream_etl_lease (id, holder, until) VALUES (1, $1, now() + interval '${LEASE}')
       ON CONFLICT (id) DO UPDATE SET holder = $1, until = now() + interval '${LEASE}' WHERE clickstream_etl_lease.until < now()
       RETURNING holder`,
      [holder],
    );
    if (lease.length === 0) {
      return {
        runId: null,
        status: "skipped",
        hours: 0,
        objects: 0,
        read: 0,
        loaded: 0,
        duplicates: 0,
        quarantined: 0,
      };
    }
    const t0 = Date.now();
    const [run] = await conn.query<{ id: string }>("INSERT INTO clickstream_runs (trigger) VALUES ($1) RETURNING id", [
      args.trigger,
    ]);
    const runId = Number(run?.id);
    const total = { hours: 0, objects: 0, read: 0, loaded: 0, duplicates: 0, quarantined: 0 };
    try {
      const byHour = new Map<string, { key: string; size: number }[]>();
      for await (const o of raw.list("events/")) {
        const hour = hourOfKey(o.key);
        if (!hour || Date.parse(hour) < now - LATE_HOURS * 3600_000) continue;
        const list = byHour.get(hour) ?? [];
        list.push({ key: o.key, size: o.size });
        byHour.set(hour, list);
      }
      for (const [hour, objects] of [...byHour].sort()) {
        const [rec] = await conn.query<{ objects: Record<string, number> }>(
          "SELECT objects FROM clickstream_loads WHERE hour = $1",
          [hour],
        );
        const done = rec?.objects ?? {};
        const todo = objects.filter((o) => done[o.key] !== o.size);
        if (todo.length === 0) continue;
        total.hours++;
        for (const o of todo) {
          const text = Buffer.from(await raw.get(o.key)).toString("utf8");
          const lines = text.split("\n").filter((l) => l.trim());
          const rows: WarehouseRow[] = [];
          const bad: { line: number; reason: string; raw: string }[] = [];
          lines.forEach((l, i) => {
            try {
              rows.push(toWarehouseRow(l));
            } catch (err) {
              bad.push({ line: i + 1, reason: (err as Error).message.slice(0, 500), raw: l.slice(0, 4000) });
            }
          });
          await conn.transaction(async (tx) => {
            let inserted = 0;
            const sessions: string[] = [];
            const productDays: [string, string][] = [];
            for (let i = 0; i < rows.length; i += BATCH) {
              const r = await insertRows(tx, rows.slice(i, i + BATCH));
              inserted += r.inserted;
              sessions.push(...r.sessions);
              productDays.push(...r.productDays);
            }
            for (const b of bad) {
              await tx.query(
                "INSERT INTO clickstream_quarantine (object_key, line, reason, raw) VALUES ($1, $2, $3, $4) ON CONFLICT (object_key, line) DO NOTHING",
                [o.key, b.line, b.reason, b.raw],
              );
            }
            await refreshRollups(tx, sessions, productDays);
            await tx.query(
              `INSERT INTO clickstream_loads (hour, objects, read, loaded, duplicates, quarantined) VALUES ($1, jsonb_build_object($2::text, $3::bigint), $4, $5, $6, $7)
               ON CONFLICT (hour) DO UPDATE SET objects = clickstream_loads.objects || jsonb_build_object($2::text, $3::bigint),
                 read = clickstream_loads.read + $4, loaded = clickstream_loads.loaded + $5,
                 duplicates = clickstream_loads.duplicates + $6, quarantined = clickstream_loads.quarantined + $7, updated_at = now()`,
              [hour, o.key, o.size, lines.length, inserted, rows.length - inserted, bad.length],
            );
            total.objects++;
            total.read += lines.length;
            total.loaded += inserted;
            total.duplicates += rows.length - inserted;
            total.quarantined += bad.length;
          });
        }
      }
      await conn.query(
        `UPDATE clickstream_runs SET status = 'succeeded', finished_at = now(), hours = $2, objects = $3, read = $4, loaded = $5,
           duplicates = $6, quarantined = $7, duration_ms = $8 WHERE id = $1`,
        [
          runId,
          total.hours,
          total.objects,
          total.read,
          total.loaded,
          total.duplicates,
          total.quarantined,
          Date.now() - t0,
        ],
      );
      return { runId, status: "succeeded", ...total };
    } catch (err) {
      await conn.query(
        "UPDATE clickstream_runs SET status = 'failed', finished_at = now(), error = $2, duration_ms = $3 WHERE id = $1",
        [runId, (err as Error).message, Date.now() - t0],
      );
      throw err;
    } finally {
      await conn.query("UPDATE clickstream_etl_lease SET until = now() WHERE holder = $1", [holder]);
    }
  });
}
