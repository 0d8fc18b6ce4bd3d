/**
 * Deterministic synthetic clickstream at volume, generated inside DuckDB (no per-row JavaScript):
 * clients that return over weeks, sessions of 5–15 events (page views, searches, category and
 * product views, cart, checkout, purchase, wishlist, removals, logins), a catalogue of 2,000
 * products over 12 categories and 40 brands, logged-in users and first visits.
 *
 * The data is kept once per (seed, events, days, end) in a DuckDB database file (`base.duckdb`)
 * under the bench directory; the Parquet layouts and the Postgres copy are derived from it.
 *
 * Model (all from `hash(seed, salt, id)`, so the same on every machine with the same DuckDB):
 * - a client's first visit is uniform over the span; it returns `floor(-ln(u)·2.2)` more times
 *   (geometric-like: ~40% never return, a long tail returns weekly), every `gap` days (0.5–9.5);
 * - a session's depth: 30% browse only, 35% view a product, 18% add to cart, 8% reach checkout,
 *   9% purchase; events every ~35 s, so a session lasts under 10 minutes;
 * - `--events` is the number of events in the trailing `--days` (the funnel range); the data spans
 *   `spanDays` (≥ 63: nine whole weeks, so an 8-week retention has every cohort week) at the same rate.
 */

import fs from "node:fs";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { DEMO_CATEGORIES } from "@/lib/demo/synthetic-clickstream";

export interface GenSpec {
  seed: number;
  /** Events in the trailing `days` (the rest of the span at the same daily rate). */
  events: number;
  days: number;
  spanDays: number;
  /** End of the data (exclusive), a UTC midnight, ISO. */
  end: string;
}

const CATEGORIES = DEMO_CATEGORIES;

/** Average events per client in the trailing `days`, measured on a sample (the model is fixed, so is this). */
async function eventsPerClient(conn: DuckDBConnection, spec: GenSpec): Promise<number> {
  const r = await conn.runAndReadAll(
    `SELECT sum(n_events) FILTER (WHERE start_ts >= TIMESTAMPTZ '${spec.end}' - INTERVAL ${spec.days} DAY)::DOUBLE / 200000 AS e
     FROM (${sessionsSql(spec, 200_000)})`,
  );
  return Number(r.getRowObjectsJS()[0]?.e);
}

const U = (salt: string, id: string, seed: number) =>
  `((hash(${seed}, '${salt}', ${id}) % 1000000007)::DOUBLE / 1000000007)`;
const uuidOf = (expr: string) =>
  `(SELECT substr(h,1,8)||'-'||substr(h,9,4)||'-4'||substr(h,14,3)||'-a'||substr(h,18,3)||'-'||substr(h,21,12) FROM (SELECT md5(${expr}) AS h))`;

/** One row per session: client, index, start, events, depth, product, login. */
function sessionsSql(spec: GenSpec, clients: number): string {
  const s = spec.seed;
  const span = spec.spanDays;
  return `SELECT c, k, c * 1000 + k AS sid,
      TIMESTAMPTZ '${spec.end}' - INTERVAL ${span} DAY + to_seconds(CAST(day_off * 86400 AS BIGINT)) AS start_ts,
      5 + CAST(floor(${U("n", "c * 1000 + k", s)} * 11) AS INT) AS n_events,
      CASE WHEN ${U("d", "c * 1000 + k", s)} < 0.30 THEN 0 WHEN ${U("d", "c * 1000 + k", s)} < 0.65 THEN 1
        WHEN ${U("d", "c * 1000 + k", s)} < 0.83 THEN 2 WHEN ${U("d", "c * 1000 + k", s)} < 0.91 THEN 3 ELSE 4 END AS depth,
      CAST(floor(2000 * pow(${U("p", "c * 1000 + k", s)}, 2)) AS INT) AS prod,
      ${U("l", "c * 1000 + k", s)} < 0.15 + 0.1 * least(k, 4) AS logged_in
    FROM (
      SELECT c, k, first_day + k * gap + ${U("j", "c * 1000 + k", s)} * 0.5 * gap AS day_off
      FROM (SELECT c, ${U("f", "c", s)} * ${span} AS first_day, 0.5 + ${U("g", "c", s)} * 9 AS gap,
              least(999, CAST(floor(-ln(1 - ${U("r", "c", s)} * 0.999999) * 2.2) AS INT)) AS extra
            FROM range(${clients}) t(c)) cl, LATERAL (SELECT * FROM range(extra + 1) r(k)) kk
    ) x WHERE day_off < ${span}`;
}

/** The events of the sessions in table `from`, in the warehouse's columns (`clickstream_events`, the copy's Parquet). */
function eventsSql(spec: GenSpec, from = "sessions"): string {
  const s = spec.seed;
  const r = U("e", "sid * 16 + j", s);
  const cats = `[${CATEGORIES.map((c) => `'${c}'`).join(", ")}]`;
  const name = `CASE WHEN j = 0 THEN 'page_view'
      WHEN depth >= 4 AND j = n_events - 1 THEN 'purchase'
      WHEN depth >= 3 AND j = n_events - 2 THEN 'checkout_start'
      WHEN depth >= 3 AND j = n_events - 3 THEN 'view_cart'
      WHEN depth >= 2 AND j = n_events - 4 THEN 'add_to_cart'
      WHEN depth >= 1 AND j = 1 THEN 'product_view'
      WHEN ${r} < 0.30 THEN CASE WHEN depth >= 1 THEN 'product_view' ELSE 'page_view' END
      WHEN ${r} < 0.52 THEN 'page_view' WHEN ${r} < 0.68 THEN 'search' WHEN ${r} < 0.84 THEN 'category_view'
      WHEN ${r} < 0.87 AND depth >= 2 THEN 'remove_from_cart' WHEN ${r} < 0.92 THEN 'add_to_wishlist'
      WHEN ${r} < 0.96 THEN 'view_promotion' ELSE 'login' END`;
  const hasProduct = `ev IN ('product_view', 'add_to_cart', 'view_cart', 'checkout_start', 'purchase', 'remove_from_cart', 'add_to_wishlist')`;
  return `SELECT ${uuidOf(`'${s}e' || (sid * 16 + j)`)} AS event_id, ts AS event_timestamp, ev AS event_name,
      CASE WHEN logged_in THEN 'u-' || c END AS user_id,
      CASE WHEN logged_in THEN 'logged_in' ELSE 'guest' END AS user_login_state,
      CASE WHEN logged_in THEN ['cognito', 'google', 'apple'][c % 3 + 1] END AS identity_source,
      ${uuidOf(`'${s}c' || c`)} AS client_id, ${uuidOf(`'${s}s' || sid`)} AS session_id,
      k = 0 AND j = 0 AS is_first_visit,
      CASE WHEN ${hasProduct} THEN 'sp-' || (1000 + p) END AS product_id,
      CASE WHEN ${hasProduct} THEN 'Product ' || (1000 + p) END AS product_name,
      CASE WHEN ${hasProduct} THEN ${cats}[p % 12 + 1] END AS product_category,
      CASE WHEN ${hasProduct} THEN 'Brand ' || ((p * 7) % 40 + 1) END AS product_brand,
      CASE WHEN ${hasProduct} THEN CAST(10 + (p * 37) % 390 AS DECIMAL(14,2)) END AS product_price,
      CASE WHEN ${hasProduct} AND p % 10 < 3 THEN CAST(round((10 + (p * 37) % 390) * 0.8) AS DECIMAL(14,2)) END AS product_discount_price,
      CASE WHEN ${hasProduct} THEN '/p/sp-' || (1000 + p) END AS product_url_path,
      'https://shop.example' || CASE WHEN ${hasProduct} THEN '/p/sp-' || (1000 + p) WHEN ev = 'search' THEN '/search' WHEN ev = 'category_view' THEN '/c/' || ${cats}[prod % 12 + 1] ELSE '/' END AS page_url,
      CASE WHEN j = 0 THEN ['https://www.google.com/', 'https://www.facebook.com/', 'https://news.example/', NULL][sid % 4 + 1] END AS referrer,
      ts + INTERVAL 2 SECOND AS received_at, CAST(j AS INT) AS client_seq
    FROM (
      SELECT *, ${name} AS ev,
        start_ts + to_seconds(j * 35 + CAST(floor(${U("t", "sid * 16 + j", s)} * 30) AS BIGINT)) AS ts,
        CASE WHEN ${r} < 0.15 THEN CAST(floor(2000 * ${U("q", "sid * 16 + j", s)}) AS INT) ELSE prod END AS p
      FROM ${from}, LATERAL (SELECT * FROM range(n_events) rr(j)) jj
    ) e`;
}

/**
 * A DuckDB session (UTC) in `file` holding the spec's sessions in temp table `sessions`, sized so the
 * trailing `days` hold `events` events; every generator starts here.
 */
async function openWithSessions(file: string, g: GenSpec, memoryLimit: string, preserveOrder: boolean) {
  const db = await DuckDBInstance.create(file, {
    threads: "2",
    memory_limit: memoryLimit,
    preserve_insertion_order: String(preserveOrder),
  });
  const conn = await db.connect();
  const close = () => {
    conn.closeSync();
    db.closeSync();
  };
  try {
    await conn.run("SET TimeZone = 'UTC'");
    const clients = Math.round(g.events / (await eventsPerClient(conn, g)));
    await conn.run(`CREATE TEMP TABLE sessions AS ${sessionsSql(g, clients)}`);
  } catch (err) {
    close();
    throw err;
  }
  return { conn, close };
}

export const genKey = (g: GenSpec) => `s${g.seed}-e${g.events}-d${g.days}-span${g.spanDays}-${g.end.slice(0, 10)}`;

/**
 * The base table `events` (every event of the span) in `<dir>/base.duckdb`, generated unless it is
 * there for the same spec. Returns the database file.
 */
export async function ensureBaseEvents(dir: string, g: GenSpec): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "base.duckdb");
  const meta = path.join(dir, "base.json");
  if (fs.existsSync(meta) && fs.readFileSync(meta, "utf8") === genKey(g)) return file;
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.wal`, { force: true });
  const t0 = performance.now();
  const { conn, close } = await openWithSessions(file, g, "6GB", false);
  try {
    await conn.run(
      // In time order, as the ETL receives them; a day's rows are then read without scanning the whole table.
      `CREATE TABLE events AS SELECT * FROM (${eventsSql(g)}) WHERE event_timestamp < TIMESTAMPTZ '${g.end}' ORDER BY event_timestamp`,
    );
    const r = await conn.runAndReadAll(
      `SELECT count(*) AS n, count(*) FILTER (WHERE event_timestamp >= TIMESTAMPTZ '${g.end}' - INTERVAL ${g.days} DAY) AS recent,
         count(DISTINCT session_id) AS sessions, count(DISTINCT client_id) AS clients FROM events`,
    );
    const row = r.getRowObjectsJS()[0];
    console.log(
      `generated ${Number(row?.n).toLocaleString()} events (${Number(row?.recent).toLocaleString()} in the last ${g.days} days), ${Number(row?.sessions).toLocaleString()} sessions, ${Number(row?.clients).toLocaleString()} clients in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  } finally {
    close();
  }
  fs.writeFileSync(meta, genKey(g));
  return file;
}

/** A session lasts under ten minutes (15 events, 35 s apart): a day's events come from sessions starting at most this long before it. */
const SESSION_LEAD = "INTERVAL 1 HOUR";

/**
 * The same events straight to Parquet, one file per day sorted by session (the compacted copy's
 * shape, `<root>/events/dt=…/hr=day/bench.parquet`), without the base table: only the sessions are
 * kept, and each day's events are generated from the sessions that can reach it. For volumes whose
 * base table would not fit this machine's disk and memory (100M events: 183M over the span).
 */
export async function writeDayFilesDirect(root: string, g: GenSpec, copyOpts: string): Promise<void> {
  if (fs.existsSync(path.join(root, "done"))) return;
  fs.rmSync(root, { recursive: true, force: true });
  const t0 = performance.now();
  const { conn, close } = await openWithSessions(":memory:", g, "8GB", true);
  try {
    let events = 0;
    for (let d = g.spanDays; d >= 1; d--) {
      const day = new Date(Date.parse(g.end) - d * 86_400_000).toISOString().slice(0, 10);
      await conn.run(
        `CREATE OR REPLACE TEMP TABLE day_sessions AS SELECT * FROM sessions
         WHERE start_ts >= TIMESTAMPTZ '${day}' - ${SESSION_LEAD} AND start_ts < TIMESTAMPTZ '${day}' + INTERVAL 1 DAY`,
      );
      const file = path.join(root, "events", `dt=${day}`, "hr=day", "bench.parquet");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await conn.run(
        `COPY (SELECT * FROM (${eventsSql(g, "day_sessions")})
           WHERE event_timestamp >= TIMESTAMPTZ '${day}' AND event_timestamp < TIMESTAMPTZ '${day}' + INTERVAL 1 DAY
           ORDER BY session_id, event_timestamp) TO '${file}' (${copyOpts})`,
      );
      const r = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${file}')`);
      events += Number(r.getRowObjectsJS()[0]?.n);
    }
    console.log(
      `generated ${events.toLocaleString()} events straight to one file a day in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  } finally {
    close();
  }
  fs.writeFileSync(path.join(root, "done"), "");
}
