/**
 * `npm run bench:etl-warehouse [-- --events 5000000]`: warehouse ETL throughput (rows/s) into the
 * Postgres at 127.0.0.1:5432 (or DATABASE_URL): raw NDJSON objects under `events/YYYY/MM/DD/HH/`
 * (5,000 lines each, as ingest writes them) → `runWarehouseEtl` (parse + validate, batched insert
 * with ON CONFLICT, product-day counters, load records, session rollups). Baseline in the same run:
 * `psql \copy` of the same rows, already transformed to CSV, into an identical empty table (same
 * indexes). Both start from an empty schema of their own.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openPostgres } from "@/lib/adapters/compose/database";
import { objectStoreAt } from "@/lib/adapters/compose/stores";
import { hourPrefix } from "@/lib/clickstream/ingest";
import { runWarehouseEtl } from "@/lib/clickstream/run-warehouse-etl";
import { toWarehouseRow } from "@/lib/clickstream/warehouse-rows";
import { migrate } from "@/lib/db/migrate";
import { syntheticSessions } from "@/lib/demo/synthetic-clickstream";

const { values } = parseArgs({
  options: { events: { type: "string", default: "5000000" }, "per-object": { type: "string", default: "5000" } },
});
const EVENTS = Number(values.events);
const PER_OBJECT = Number(values["per-object"]);
const URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36";
const COLUMNS =
  "event_id, event_timestamp, event_name, user_id, user_login_state, identity_source, client_id, session_id, is_first_visit, product_id, product_name, product_category, product_brand, product_price, product_discount_price, product_url_path, page_url, referrer, received_at, client_seq";

const csvValue = (v: unknown, i: number) => {
  if (v === null || v === undefined) return "";
  if (i === 1 || i === 18) return new Date(v as number).toISOString();
  const s = String(v);
  return /[",\n\r]/.test(s) || s === "" ? `"${s.replaceAll('"', '""')}"` : s;
};

async function schemaDb(name: string) {
  const admin = openPostgres({ url: URL, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.close();
  const db = openPostgres({ url: URL, schema: name, max: 4 });
  await migrate(db);
  return db;
}

/** Raw objects as ingest writes them, and the same rows as CSV for the baseline. */
async function writeRawObjects(raw: ReturnType<typeof objectStoreAt>, csvFile: string, end: number, days: number) {
  const csv = fs.openSync(csvFile, "w");
  const t0 = performance.now();
  let written = 0;
  let objects = 0;
  // One open object per receive hour (sessions straddle hours), written when it has PER_OBJECT lines.
  const open = new Map<string, { lines: string[]; csv: string[] }>();
  const flush = async (hour: string) => {
    const b = open.get(hour);
    if (!b?.lines.length) return;
    open.delete(hour);
    await raw.put(
      `${hour}${String(objects++).padStart(6, "0")}-${randomBytes(4).toString("hex")}.ndjson`,
      `${b.lines.join("\n")}\n`,
    );
    fs.writeSync(csv, `${b.csv.join("\n")}\n`);
  };
  // ~2.8 events per session on average; the last sessions are cut at EVENTS.
  const sessions = Math.ceil(EVENTS / 2.6);
  for (const session of syntheticSessions({ sessions, days, end, seed: 21 })) {
    for (const event of session) {
      if (written >= EVENTS) break;
      const receivedAt = (event.timestamp as number) + 2000;
      const hour = hourPrefix(receivedAt);
      let b = open.get(hour);
      if (!b) {
        b = { lines: [], csv: [] };
        open.set(hour, b);
      }
      const line = JSON.stringify({ event, receivedAt, ip: null, userAgent: UA });
      b.lines.push(line);
      b.csv.push(toWarehouseRow(line).map(csvValue).join(","));
      written++;
      if (b.lines.length >= PER_OBJECT) await flush(hour);
    }
    if (written >= EVENTS) break;
  }
  for (const hour of [...open.keys()]) await flush(hour);
  fs.closeSync(csv);
  console.log(
    `generated ${written.toLocaleString()} events in ${objects} raw objects (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return written;
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-etl-wh-"));
  const raw = objectStoreAt(path.join(work, "raw"));
  const csvFile = path.join(work, "rows.csv");
  const end = Date.now() - 3_600_000;
  const written = await writeRawObjects(raw, csvFile, end, 2);

  const suffix = randomBytes(3).toString("hex");
  const oursSchema = `bench_wh_${suffix}`;
  const copySchema = `bench_copy_${suffix}`;
  try {
    const db = await schemaDb(oursSchema);
    const t1 = performance.now();
    const run = await runWarehouseEtl({ db, raw, trigger: "bench", now: end + 3_600_000 });
    const oursS = (performance.now() - t1) / 1000;
    const [n] = await db.query<{ n: string }>("SELECT count(*) AS n FROM clickstream_events");
    await db.close();
    if (Number(n?.n) !== written || run.loaded !== written)
      throw new Error(`loaded ${run.loaded}, table ${n?.n}, expected ${written}`);

    const copyDb = await schemaDb(copySchema);
    await copyDb.close();
    const t2 = performance.now();
    execFileSync(
      "psql",
      [URL, "-v", "ON_ERROR_STOP=1", "-q", "-c", `\\copy clickstream_events (${COLUMNS}) FROM '${csvFile}' CSV`],
      {
        env: { ...process.env, PGOPTIONS: `-c search_path=${copySchema}` },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const copyS = (performance.now() - t2) / 1000;

    const ours = written / oursS;
    const base = written / copyS;
    console.log(
      `\n${written.toLocaleString()} events, Postgres ${URL.replace(/\/\/[^@]*@/, "//")}, ${os.cpus().length} cores, node ${process.version}\n`,
    );
    console.log("| path | seconds | rows/s |");
    console.log("|---|---|---|");
    console.log(
      `| sightline runWarehouseEtl (parse, validate, insert, counters, rollups, load records) | ${oursS.toFixed(1)} | ${Math.round(ours).toLocaleString()} |`,
    );
    console.log(
      `| baseline: psql \\copy of the transformed CSV | ${copyS.toFixed(1)} | ${Math.round(base).toLocaleString()} |`,
    );
    console.log(`\nratio to baseline: ${(ours / base).toFixed(2)}× (target ≥ 0.5×)`);
  } finally {
    const admin = openPostgres({ url: URL, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS ${oursSchema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${copySchema} CASCADE`);
    await admin.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
