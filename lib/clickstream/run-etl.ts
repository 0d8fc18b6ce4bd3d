import { jsonDepthExceeds } from "@/lib/schemas/json-depth";
import type { Database, Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { ClickEvent, eventTimeMs, eventTimeProblem, LIMITS, type RawEventLine } from "@/lib/schemas/clickstream";
import { findUnstorableText, inDateWindow, toStorableText } from "@/lib/schemas/common";
import { cubeDaysTouched, refreshFunnelCube } from "./funnel-cube";
import { hourOfKey } from "./ingest";
import { clearObjectFailure, quarantinedObjects, recordObjectFailure } from "./object-failures";
import {
  type Attribute,
  orderKeyOf,
  ROLLUP_STEPS,
  type RollupStep,
  SESSION_ROLLUP_MERGE,
  type SessionDelta,
  sessionRollupParams,
} from "./session-rollup";

/** Late objects are picked up for this long after their hour. */
export const LATE_HOURS = 72;
/** How long a run's lease lasts if the process dies without releasing it. */
const LEASE = "15 minutes";
const BATCH = 5000;
/** Objects loaded at once on Postgres (each on its own connection). */
const ETL_LOADERS = 2;

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

/** Postgres array types of `COLUMNS`, in order (rows travel as one array per column). */
const TYPES = [
  "uuid",
  "float8",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "bool",
  "text",
  "text",
  "text",
  "text",
  "numeric",
  "numeric",
  "text",
  "text",
  "text",
  "float8",
  "int4",
] as const;
const TS_COLUMNS = new Set<string>(["event_timestamp", "received_at"]);

export type WarehouseRow = unknown[];

/**
 * One raw line → the warehouse row (timestamps in epoch ms); throws with the reason when the line is
 * unusable. Raw objects may predate today's ingest rules (or be written by hand), so every rule the
 * ingest applies is applied again here: a line the warehouse cannot store is quarantined, never loaded.
 */
export function toWarehouseRow(line: string): WarehouseRow {
  if (jsonDepthExceeds(line, LIMITS.depth)) throw new Error("the line nests too deeply to be an event");
  let raw: Partial<RawEventLine>;
  try {
    raw = JSON.parse(line) as Partial<RawEventLine>;
  } catch {
    throw new Error("the line is not JSON");
  }
  if (!raw || typeof raw !== "object" || typeof raw.receivedAt !== "number" || !inDateWindow(raw.receivedAt))
    throw new Error("not a raw event line (no receive time)");
  const unstorable = findUnstorableText(raw.event);
  if (unstorable) throw new Error(`${unstorable.path}: ${unstorable.reason}`);
  const parsed = ClickEvent.safeParse(raw.event);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; "));
  const timeProblem = eventTimeProblem(eventTimeMs(parsed.data), raw.receivedAt);
  if (timeProblem) throw new Error(timeProblem);
  return eventToWarehouseRow(parsed.data, raw.receivedAt);
}

/** A validated event and its receive time → the warehouse row. */
export function eventToWarehouseRow(e: ClickEvent, receivedAt: number): WarehouseRow {
  const ms = eventTimeMs(e);
  const p = e.product;
  return [
    e.eventId.toLowerCase(),
    ms,
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
    receivedAt,
    e.seq ?? e.clientSeq ?? null,
  ];
}

/** The embedded engine: one array parameter per column; the primary key absorbs duplicates. */
const INSERT_UNNEST = `INSERT INTO clickstream_events (${COLUMNS.join(", ")})
  SELECT ${COLUMNS.map((c) => (TS_COLUMNS.has(c) ? `to_timestamp(${c} / 1000.0)` : c)).join(", ")}
  FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) AS u(${COLUMNS.join(", ")})
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id::text AS id`;

/** A value in COPY text format. */
const copyText = (v: unknown, c: number): string => {
  if (v === null || v === undefined) return "\\N";
  if (TS_COLUMNS.has(COLUMNS[c] as string)) return new Date(v as number).toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  return String(v).replace(/[\\\t\n\r]/g, (ch) =>
    ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : ch === "\r" ? "\\r" : "\\\\",
  );
};

/**
 * Inserts the rows whose event id the warehouse does not hold yet; returns exactly those rows.
 * Postgres: the ids already stored are looked up, and the rest go in with `COPY` (bulk path; a
 * concurrent loader storing one of them first makes the COPY fail on the key, and the object's
 * transaction is retried). The embedded engine: `INSERT … ON CONFLICT DO NOTHING RETURNING`.
 */
async function insertRows(q: Queryable, batch: WarehouseRow[]): Promise<WarehouseRow[]> {
  const seen = new Set<string>();
  const rows = batch.filter((r) => !seen.has(r[0] as string) && seen.add(r[0] as string));
  if (rows.length === 0) return [];
  if (q.copyIn) {
    const copy = (rs: WarehouseRow[]) =>
      q.copyIn?.(
        `COPY clickstream_events (${COLUMNS.join(", ")}) FROM STDIN`,
        `${rs.map((r) => r.map(copyText).join("\t")).join("\n")}\n`,
      );
    // Usually none of the batch is stored yet: COPY it whole. If one is (a re-sent batch loaded
    // earlier), the key refuses the COPY; back to the savepoint, look the stored ids up, COPY the rest.
    await q.query("SAVEPOINT batch");
    try {
      await copy(rows);
      await q.query("RELEASE SAVEPOINT batch");
      return rows;
    } catch (err) {
      if ((err as { code?: string }).code !== "23505") throw err;
      await q.query("ROLLBACK TO SAVEPOINT batch");
    }
    const stored = await q.query<{ id: string }>(
      "SELECT event_id::text AS id FROM clickstream_events WHERE event_id = ANY($1::uuid[])",
      [rows.map((r) => r[0])],
    );
    const have = new Set(stored.map((r) => r.id));
    const fresh = rows.filter((r) => !have.has(r[0] as string));
    if (fresh.length) await copy(fresh);
    return fresh;
  }
  const inserted = await q.query<{ id: string }>(
    INSERT_UNNEST,
    COLUMNS.map((_, c) => rows.map((r) => r[c])),
  );
  const ids = new Set(inserted.map((r) => r.id));
  return rows.filter((r) => ids.has(r[0] as string));
}

const col = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);
const C = {
  id: col("event_id"),
  ts: col("event_timestamp"),
  name: col("event_name"),
  user: col("user_id"),
  login: col("user_login_state"),
  identity: col("identity_source"),
  client: col("client_id"),
  session: col("session_id"),
  firstVisit: col("is_first_visit"),
  product: col("product_id"),
  productName: col("product_name"),
  category: col("product_category"),
  brand: col("product_brand"),
  price: col("product_price"),
  discount: col("product_discount_price"),
};
const ROLLUP_STEP_SET = new Set<string>(ROLLUP_STEPS);
const ATTRIBUTE_OF: Record<Attribute, (r: WarehouseRow) => unknown> = {
  category: (r) => r[C.category],
  brand: (r) => r[C.brand],
  login_state: (r) => r[C.login],
  identity_source: (r) => r[C.identity],
  first_visit: (r) => r[C.firstVisit],
  user_id: (r) => r[C.user],
  product_value: (r) => r[C.discount] ?? r[C.price],
};

const PRODUCT_DAILY_MERGE = `INSERT INTO clickstream_product_daily AS d (product_id, day, name, category, brand, views, carts, checkouts, purchases, discount_views, discount_purchases, revenue)
  SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::int4[], $7::int4[], $8::int4[], $9::int4[], $10::int4[], $11::int4[], $12::numeric[])
  ON CONFLICT (product_id, day) DO UPDATE SET
    name = coalesce(EXCLUDED.name, d.name), category = coalesce(EXCLUDED.category, d.category),
    brand = coalesce(EXCLUDED.brand, d.brand), views = d.views + EXCLUDED.views, carts = d.carts + EXCLUDED.carts,
    checkouts = d.checkouts + EXCLUDED.checkouts, purchases = d.purchases + EXCLUDED.purchases,
    discount_views = d.discount_views + EXCLUDED.discount_views,
    discount_purchases = d.discount_purchases + EXCLUDED.discount_purchases,
    revenue = d.revenue + EXCLUDED.revenue`;

/**
 * Rollups from the rows just inserted (never from re-sent ones, so they stay exact under re-runs
 * and late events without re-reading events): the session funnel rollup, product-day counters and
 * events per hour and name.
 */
async function applyRollups(q: Queryable, rows: WarehouseRow[]): Promise<void> {
  if (rows.length === 0) return;
  const sessions = new Map<string, SessionDelta>();
  const days = new Map<string, { v: unknown[]; cents: number }>();
  const hourly = new Map<string, number>();
  for (const r of rows) {
    const ms = r[C.ts] as number;
    const name = r[C.name] as string;
    const sid = r[C.session] as string;
    let s = sessions.get(sid);
    if (!s) {
      s = { sessionId: sid, clientId: r[C.client] as string, startedAt: ms, events: 0, steps: {}, attributes: {} };
      sessions.set(sid, s);
    }
    s.events++;
    if ((r[C.client] as string) < s.clientId) s.clientId = r[C.client] as string;
    if (ms < s.startedAt) s.startedAt = ms;
    if (ROLLUP_STEP_SET.has(name)) {
      const prev = s.steps[name as RollupStep];
      if (prev === undefined || ms < prev) s.steps[name as RollupStep] = ms;
    }
    let key: string | undefined;
    for (const a of Object.keys(ATTRIBUTE_OF) as Attribute[]) {
      const value = ATTRIBUTE_OF[a](r);
      if (value === null || value === undefined) continue;
      key ??= orderKeyOf(ms, r[C.id] as string);
      const cur = s.attributes[a];
      if (!cur || key < cur.key) s.attributes[a] = { value, key };
    }
    const hk = `${new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString()}|${name}`;
    hourly.set(hk, (hourly.get(hk) ?? 0) + 1);
    const product = r[C.product] as string | null;
    if (product) {
      const day = new Date(ms).toISOString().slice(0, 10);
      const k = `${product}|${day}`;
      let d = days.get(k);
      if (!d) {
        d = { v: [product, day, null, null, null, 0, 0, 0, 0, 0, 0], cents: 0 };
        days.set(k, d);
      }
      d.v[2] ??= r[C.productName];
      d.v[3] ??= r[C.category];
      d.v[4] ??= r[C.brand];
      const counter = { product_view: 5, add_to_cart: 6, checkout_start: 7, purchase: 8 }[name];
      if (counter) d.v[counter] = (d.v[counter] as number) + 1;
      const discounted = r[C.discount] !== null && r[C.discount] !== undefined;
      if (discounted && name === "product_view") d.v[9] = (d.v[9] as number) + 1;
      if (discounted && name === "purchase") d.v[10] = (d.v[10] as number) + 1;
      if (name === "purchase") d.cents += Math.round(Number(ATTRIBUTE_OF.product_value(r) ?? 0) * 100);
    }
  }
  await q.query(SESSION_ROLLUP_MERGE, sessionRollupParams([...sessions.values()]));
  const pd = [...days.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([, d]) => [...d.v, (d.cents / 100).toFixed(2)]);
  const hours = [...hourly.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => [...k.split("|"), n]);
  await q.query(
    `INSERT INTO clickstream_event_hourly AS h (hour, event_name, events)
     SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::int4[])
     ON CONFLICT (hour, event_name) DO UPDATE SET events = h.events + EXCLUDED.events`,
    [hours.map((h) => h[0]), hours.map((h) => h[1]), hours.map((h) => h[2])],
  );
  if (pd.length)
    await q.query(
      PRODUCT_DAILY_MERGE,
      Array.from({ length: 12 }, (_, i) => pd.map((row) => row[i])),
    );
}

interface ParsedObject {
  key: string;
  size: number;
  lines: number;
  rows: WarehouseRow[];
  /** The earliest and latest event time of `rows` (null for none), computed once per object. */
  span: { min: number; max: number } | null;
  bad: { line: number; reason: string; raw: string }[];
}

async function readObject(raw: ObjectStore, o: { key: string; size: number }): Promise<ParsedObject> {
  const text = Buffer.from(await raw.get(o.key)).toString("utf8");
  const rows: WarehouseRow[] = [];
  const bad: ParsedObject["bad"] = [];
  let n = 0;
  for (const l of text.split("\n")) {
    if (!l.trim()) continue;
    n++;
    try {
      rows.push(toWarehouseRow(l));
    } catch (err) {
      bad.push({ line: n, reason: (err as Error).message.slice(0, 500), raw: l.slice(0, 4000) });
    }
  }
  return { ...o, lines: n, rows, span: spanOf(rows), bad };
}

/**
 * Rows into the warehouse inside the caller's transaction: the new ones inserted (batches of
 * `BATCH`) and merged into the rollups. Returns how many were new. (The ETL's per-object step; bulk
 * seeding for benchmarks calls it directly.)
 */
export async function loadWarehouseRows(tx: Queryable, all: WarehouseRow[]): Promise<number> {
  await tx.query("SET LOCAL jit = off").catch(() => undefined); // short statements: compiling costs more than it saves
  let inserted = 0;
  for (let j = 0; j < all.length; j += BATCH) {
    const rows = await insertRows(tx, all.slice(j, j + BATCH));
    await applyRollups(tx, rows);
    inserted += rows.length;
  }
  return inserted;
}

/** The earliest and latest event time of rows, or null for none. */
function spanOf(rows: readonly WarehouseRow[]): { min: number; max: number } | null {
  if (rows.length === 0) return null;
  const span = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
  for (const r of rows) {
    const ms = r[C.ts] as number;
    if (ms < span.min) span.min = ms;
    if (ms > span.max) span.max = ms;
  }
  return span;
}

/**
 * One object in one transaction: rows, quarantined lines, and the hour's load record. The funnel
 * cube's days these rows touch stop counting as computed in the same transaction (the run
 * recomputes them at its end), so a crash between the load and that refresh never leaves the cube
 * answering with counts that miss these rows.
 */
async function loadObject(tx: Queryable, hour: string, o: ParsedObject): Promise<number> {
  const inserted = await loadWarehouseRows(tx, o.rows);
  if (inserted > 0 && o.span) {
    const days = cubeDaysTouched(o.span.min, o.span.max);
    await tx.query("DELETE FROM clickstream_funnel_cube_days WHERE day >= $1::date AND day < $2::date", [
      days.fromDay,
      days.toDay,
    ]);
  }
  for (const b of o.bad) {
    await tx.query(
      "INSERT INTO clickstream_quarantine (object_key, line, reason, raw) VALUES ($1, $2, $3, $4) ON CONFLICT (object_key, line) DO NOTHING",
      [o.key, b.line, toStorableText(b.reason), toStorableText(b.raw)],
    );
  }
  await clearObjectFailure(tx, o.key);
  await tx.query(
    `INSERT INTO clickstream_loads (hour, objects, read, loaded, duplicates, quarantined) VALUES ($1, jsonb_build_object($2::text, $3::bigint), $4, $5, $6, $7)
     ON CONFLICT (hour) DO UPDATE SET objects = clickstream_loads.objects || jsonb_build_object($2::text, $3::bigint),
       read = clickstream_loads.read + $4, loaded = clickstream_loads.loaded + $5,
       duplicates = clickstream_loads.duplicates + $6, quarantined = clickstream_loads.quarantined + $7, updated_at = now()`,
    [hour, o.key, o.size, o.lines, inserted, o.rows.length - inserted, o.bad.length],
  );
  return inserted;
}

/** Takes the run lease unless another holder's is still running; true when taken. */
export async function takeEtlLease(q: Queryable, holder: string): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO clickstream_etl_lease (id, holder, until) VALUES (1, $1, now() + interval '${LEASE}')
     ON CONFLICT (id) DO UPDATE SET holder = $1, until = now() + interval '${LEASE}' WHERE clickstream_etl_lease.until < now()
     RETURNING holder`,
    [holder],
  );
  return rows.length > 0;
}

/**
 * Frees the lease at once: `-infinity`, not `now()`, since a run that starts within the same clock
 * step (PGlite's `now()` moves in milliseconds) would otherwise find `until < now()` false and skip.
 */
export async function releaseEtlLease(q: Queryable, holder: string): Promise<void> {
  await q.query("UPDATE clickstream_etl_lease SET until = '-infinity' WHERE holder = $1", [holder]);
}

/**
 * Two loaders storing the same re-sent event id (a unique violation on COPY) or touching the same
 * rollup rows in opposite orders (a deadlock): the object's transaction is retried.
 */
async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== "40P01" && code !== "23505") || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 20 * i * Math.random()));
    }
  }
}

export interface WarehouseRunSummary {
  runId: number | null;
  /** `partial`: some objects could not be loaded this time (retried next run, quarantined after a few tries). */
  status: "succeeded" | "partial" | "skipped";
  hours: number;
  objects: number;
  read: number;
  loaded: number;
  duplicates: number;
  quarantined: number;
  /** Objects whose load failed in this run (each is retried by later runs until quarantined). */
  failedObjects: number;
}

/**
 * The hourly warehouse load. Under a lease (a second run skips), for every raw hour in the
 * last `LATE_HOURS` (by listing `events/`), loads the objects its load record does not list yet:
 * each line validated and transformed, rows bulk-inserted with `ON CONFLICT (event_id) DO NOTHING`,
 * bad lines quarantined with their reason, rollups updated, and the object recorded — one
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
    if (!(await takeEtlLease(conn, holder))) {
      return {
        runId: null,
        status: "skipped",
        hours: 0,
        objects: 0,
        read: 0,
        loaded: 0,
        duplicates: 0,
        quarantined: 0,
        failedObjects: 0,
      };
    }
    if (db.kind === "postgres") await conn.query("SET jit = off");
    const t0 = Date.now();
    const [run] = await conn.query<{ id: string }>("INSERT INTO clickstream_runs (trigger) VALUES ($1) RETURNING id", [
      args.trigger,
    ]);
    const runId = Number(run?.id);
    const total = { hours: 0, objects: 0, read: 0, loaded: 0, duplicates: 0, quarantined: 0, failedObjects: 0 };
    const problems: string[] = [];
    try {
      const byHour = new Map<string, { key: string; size: number }[]>();
      const skipped = await quarantinedObjects(conn);
      for await (const o of raw.list("events/")) {
        const hour = hourOfKey(o.key);
        if (!hour || Date.parse(hour) < now - LATE_HOURS * 3600_000) continue;
        if (skipped.get(o.key) === o.size) continue; // quarantined whole: shown on the pipeline page
        const list = byHour.get(hour) ?? [];
        list.push({ key: o.key, size: o.size });
        byHour.set(hour, list);
      }
      const queue: { hour: string; key: string; size: number }[] = [];
      for (const [hour, objects] of [...byHour].sort()) {
        const [rec] = await conn.query<{ objects: Record<string, number> }>(
          "SELECT objects FROM clickstream_loads WHERE hour = $1",
          [hour],
        );
        const done = rec?.objects ?? {};
        const todo = objects.filter((o) => done[o.key] !== o.size);
        if (todo.length) total.hours++;
        for (const o of todo) queue.push({ hour, ...o });
      }
      // Loaders on their own connections (one with the embedded engine, which has one session):
      // while one waits on the server another parses, and the server inserts on both cores.
      const loaders = db.kind === "postgres" ? ETL_LOADERS : 1;
      const inTransaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
        loaders > 1 ? db.transaction(fn) : conn.transaction(fn);
      let nextIndex = 0;
      const span = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
      const loader = async () => {
        for (let item = queue[nextIndex++]; item; item = queue[nextIndex++]) {
          // One object's failure (unreadable, refused by the database) never stops the others: it
          // is counted, retried by the next runs, and quarantined whole after MAX_OBJECT_ATTEMPTS.
          try {
            const o = await readObject(raw, item);
            const inserted = await retryOnConflict(() => inTransaction((tx) => loadObject(tx, item.hour, o)));
            if (inserted > 0 && o.span) {
              span.min = Math.min(span.min, o.span.min);
              span.max = Math.max(span.max, o.span.max);
            }
            total.objects++;
            total.read += o.lines;
            total.loaded += inserted;
            total.duplicates += o.rows.length - inserted;
            total.quarantined += o.bad.length;
          } catch (err) {
            total.failedObjects++;
            const error = (err as Error).message || String(err);
            const quarantined = await recordObjectFailure(loaders > 1 ? db : conn, { ...item, error });
            problems.push(`${item.key}: ${error}${quarantined ? " (quarantined after repeated failures)" : ""}`);
          }
        }
      };
      await Promise.all(Array.from({ length: loaders }, loader));
      // The standard-funnel cube follows the session rollup for every day these events can touch.
      // If that fails, those days stay uncomputed (funnels answer from the rollup) and the run says so.
      if (total.loaded > 0) {
        const days = cubeDaysTouched(span.min, span.max);
        try {
          await refreshFunnelCube(conn, days.fromDay, days.toDay);
        } catch (err) {
          problems.push(`funnel cube refresh ${days.fromDay}..${days.toDay}: ${(err as Error).message}`);
        }
      }
      const status = problems.length > 0 ? "partial" : "succeeded";
      await conn.query(
        `UPDATE clickstream_runs SET status = $9, finished_at = now(), hours = $2, objects = $3, read = $4, loaded = $5,
           duplicates = $6, quarantined = $7, duration_ms = $8, failed_objects = $10, error = $11 WHERE id = $1`,
        [
          runId,
          total.hours,
          total.objects,
          total.read,
          total.loaded,
          total.duplicates,
          total.quarantined,
          Date.now() - t0,
          status,
          total.failedObjects,
          problems.length ? toStorableText(problems.join("\n")).slice(0, 4000) : null,
        ],
      );
      return { runId, status, ...total };
    } catch (err) {
      await conn.query(
        "UPDATE clickstream_runs SET status = 'failed', finished_at = now(), error = $2, duration_ms = $3 WHERE id = $1",
        [runId, toStorableText((err as Error).message), Date.now() - t0],
      );
      throw err;
    } finally {
      await releaseEtlLease(conn, holder);
    }
  });
}
