/**
 * The generated events (`clickstream-gen.ts`) written as the columnar copy's Parquet
 * (`<root>/events/dt=…/hr=…/*.parquet`) in the layouts `bench:funnel` compares, and into a Postgres
 * schema for the Postgres baselines. Each is written once and reused (a `done` marker).
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import { from as copyFrom } from "pg-copy-streams";
import { openPostgres } from "@/lib/adapters/compose/database";
import { migrate } from "@/lib/db/migrate";

export interface Layout {
  /** Files: one per hour (the ETL's partitions, objects merged), per day (a compacted day), or `files` per hour (the ETL's per-object files). */
  per: "hour" | "day";
  filesPerHour?: number;
  sort: "none" | "session" | "event";
  codec: "zstd" | "snappy";
  rowGroup: number;
}

export const layoutName = (l: Layout) =>
  `${l.per}${l.filesPerHour ? `x${l.filesPerHour}` : ""}-${l.sort}-${l.codec}-rg${l.rowGroup}`;

/** `hour-session-zstd-rg122880` and the like back to a layout. */
export function parseLayout(name: string): Layout {
  const m = /^(hour|day)(?:x(\d+))?-(none|session|event)-(zstd|snappy)-rg(\d+)$/.exec(name);
  if (!m) throw new Error(`layout: per-sort-codec-rgN, e.g. day-session-zstd-rg122880; got ${name}`);
  return {
    per: m[1] as Layout["per"],
    filesPerHour: m[2] ? Number(m[2]) : undefined,
    sort: m[3] as Layout["sort"],
    codec: m[4] as Layout["codec"],
    rowGroup: Number(m[5]),
  };
}

const ORDER = {
  none: "",
  session: "ORDER BY session_id, event_timestamp",
  event: "ORDER BY event_name, event_timestamp",
};

/** DuckDB COPY options writing a layout's files. */
export const copyOptions = (layout: Layout) =>
  `FORMAT parquet, COMPRESSION ${layout.codec}${layout.codec === "zstd" ? ", COMPRESSION_LEVEL 1" : ""}, ROW_GROUP_SIZE ${layout.rowGroup}`;

/** Writes `layout` of the base events under `<dir>/<layout name>` (once); returns the copy's root. */
export async function ensureLayout(dir: string, baseFile: string, layout: Layout): Promise<string> {
  const root = path.join(dir, layoutName(layout));
  if (fs.existsSync(path.join(root, "done"))) return root;
  fs.rmSync(root, { recursive: true, force: true });
  const t0 = performance.now();
  const db = await DuckDBInstance.create(baseFile, {
    access_mode: "READ_ONLY",
    threads: "2",
    memory_limit: "4GB",
  });
  const conn = await db.connect();
  try {
    await conn.run("SET TimeZone = 'UTC'");
    const opts = copyOptions(layout);
    const days = (
      await conn.runAndReadAll("SELECT DISTINCT strftime(event_timestamp, '%Y-%m-%d') AS d FROM events ORDER BY 1")
    )
      .getRowObjectsJS()
      .map((r) => String(r.d));
    for (const d of days) {
      // The day once (the base table is in client order: every filter on it scans it whole).
      await conn.run(
        `CREATE OR REPLACE TEMP TABLE day_events AS SELECT * FROM events
         WHERE event_timestamp >= TIMESTAMPTZ '${d}' AND event_timestamp < TIMESTAMPTZ '${d}' + INTERVAL 1 DAY`,
      );
      const dayRows = "FROM day_events WHERE true";
      if (layout.per === "day") {
        const file = path.join(root, "events", `dt=${d}`, "hr=day", "bench.parquet");
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await conn.run(`COPY (SELECT * ${dayRows} ${ORDER[layout.sort]}) TO '${file}' (${opts})`);
        continue;
      }
      const files = layout.filesPerHour ?? 1;
      for (let h = 0; h < 24; h++) {
        const hr = String(h).padStart(2, "0");
        const hourDir = path.join(root, "events", `dt=${d}`, `hr=${hr}`);
        fs.mkdirSync(hourDir, { recursive: true });
        // Files per hour: the ETL's raw objects, each a slice of the hour's minutes.
        for (let o = 0; o < files; o++)
          await conn.run(
            `COPY (SELECT * ${dayRows} AND hour(event_timestamp) = ${h}
               AND floor(minute(event_timestamp) * ${files} / 60) = ${o} ${ORDER[layout.sort]})
             TO '${path.join(hourDir, `obj${o}.parquet`)}' (${opts})`,
          );
      }
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  fs.writeFileSync(path.join(root, "done"), "");
  console.log(`wrote layout ${layoutName(layout)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return root;
}

/** Bytes under a directory. */
export function duSize(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) n += fs.statSync(path.join(e.parentPath, e.name)).size;
  return n;
}

/**
 * The base events in Postgres schema `schema` (`clickstream_events`), day by day through COPY
 * (each day one transaction, recorded in `bench_days`, so an interrupted load resumes), with the
 * table's indexes built once at the end.
 */
async function baseColumns(conn: {
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
}) {
  const sql = "SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 'events' ORDER BY column_index";
  return (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => String(r.c));
}

export async function ensurePostgresEvents(url: string, schema: string, baseFile: string, key: string): Promise<void> {
  const admin = openPostgres({ url, max: 1 });
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await admin.close();
  const db = openPostgres({ url, schema, max: 1 });
  await migrate(db);
  await db.query(
    "CREATE TABLE IF NOT EXISTS bench_days (key text NOT NULL, day text NOT NULL, PRIMARY KEY (key, day))",
  );
  await db.query("CREATE TABLE IF NOT EXISTS bench_ready (key text PRIMARY KEY)");
  if ((await db.query("SELECT 1 FROM bench_ready WHERE key = $1", [key])).length) {
    await db.close();
    return;
  }
  const loaded = new Set(
    (await db.query<{ day: string }>("SELECT day FROM bench_days WHERE key = $1", [key])).map((r) => r.day),
  );
  if (loaded.size === 0) {
    await db.query("TRUNCATE clickstream_events");
    await db.query("DELETE FROM bench_days");
  }
  for (const ix of ["clickstream_events_time_idx", "clickstream_events_session_idx", "clickstream_events_product_idx"])
    await db.query(`DROP INDEX IF EXISTS ${ix}`);
  await db.query("ALTER TABLE clickstream_events DROP CONSTRAINT IF EXISTS clickstream_events_pkey");
  const duck = await DuckDBInstance.create(baseFile, { access_mode: "READ_ONLY", threads: "2", memory_limit: "2GB" });
  const conn = await duck.connect();
  const { Client } = await import("pg");
  const t0 = performance.now();
  try {
    await conn.run("SET TimeZone = 'UTC'");
    const days = (
      await conn.runAndReadAll("SELECT DISTINCT strftime(event_timestamp, '%Y-%m-%d') AS d FROM events ORDER BY 1")
    )
      .getRowObjectsJS()
      .map((r) => String(r.d));
    // By name: the warehouse has columns the generator does not write (the user agent).
    const columns = await baseColumns(conn);
    const csv = path.join(path.dirname(baseFile), "day.csv");
    for (const d of days.filter((x) => !loaded.has(x))) {
      await conn.run(
        `COPY (SELECT * FROM events WHERE event_timestamp >= TIMESTAMPTZ '${d}' AND event_timestamp < TIMESTAMPTZ '${d}' + INTERVAL 1 DAY)
         TO '${csv}' (FORMAT csv, HEADER false)`,
      );
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`SET search_path = ${schema}`);
        await client.query("BEGIN");
        await pipeline(
          fs.createReadStream(csv),
          client.query(copyFrom(`COPY clickstream_events (${columns.join(", ")}) FROM STDIN (FORMAT csv)`)),
        );
        await client.query("INSERT INTO bench_days VALUES ($1, $2)", [key, d]);
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
      console.log(`  postgres: day ${d} loaded (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    fs.rmSync(csv, { force: true });
  } finally {
    conn.closeSync();
    duck.closeSync();
  }
  await db.query("ALTER TABLE clickstream_events ADD PRIMARY KEY (event_id)");
  await db.query("CREATE INDEX clickstream_events_time_idx ON clickstream_events (event_timestamp)");
  await db.query("CREATE INDEX clickstream_events_session_idx ON clickstream_events (session_id, event_timestamp)");
  await db.query(
    "CREATE INDEX clickstream_events_product_idx ON clickstream_events (product_id, event_timestamp) WHERE product_id IS NOT NULL",
  );
  await db.query("VACUUM ANALYZE clickstream_events");
  await db.query("INSERT INTO bench_ready VALUES ($1)", [key]);
  console.log(`postgres: events and indexes ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await db.close();
}
