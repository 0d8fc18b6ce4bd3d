/**
 * `npm run bench:etl [-- --records 2000000]`: end-to-end lake ETL throughput on CloudTrail
 * (gz files as AWS delivers them → normalized, ZSTD Parquet, partitioned), and in the same run,
 * on the same files, DuckDB's bare `read_json` → `COPY … (FORMAT parquet)` as the baseline.
 * Each measurement runs in its own process so peak memory (max RSS) is its own; ours is measured
 * on a quarter, half and all of the files to show memory stays flat as the file count grows.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { openEmbeddedDatabase } from "@/lib/adapters/compose/database";
import { openLakeWorkerPool, openParquetWriter } from "@/lib/adapters/compose/lake-engines";
import { objectStoreAt } from "@/lib/adapters/compose/stores";
import { PARQUET_ZSTD } from "@/lib/adapters/duckdb/sql-types";
import { migrate } from "@/lib/db/migrate";
import { generateLake } from "@/lib/demo/generate-lake";
import { filesAsRawObjects } from "@/lib/lake/local-sources";
import { runLakeEtl } from "@/lib/lake/run-lake-etl";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "2000000" },
    "per-file": { type: "string", default: "5000" },
    phase: { type: "string" },
    files: { type: "string" },
    threads: { type: "string" },
    dir: { type: "string", default: path.resolve(".sightline/bench/etl") },
  },
});
const records = Number(values.records);
const perFile = Number(values["per-file"]);
const rawDir = path.join(values.dir, `raw-${records}-${perFile}`);

function listGz(): string[] {
  return fs
    .readdirSync(rawDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".json.gz"))
    .sort()
    .map((f) => path.join(rawDir, f));
}

/** Our ETL on the first `fileCount` files: on a worker pool of `threads` (0: in this thread, as before the pool). */
async function ours(fileCount: number, threads: number) {
  const files = listGz().slice(0, fileCount);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-etl-"));
  const db = await openEmbeddedDatabase(path.join(work, "db"));
  await migrate(db);
  const pool = threads > 0 ? openLakeWorkerPool({ threads }) : null;
  const writer = pool ? null : await openParquetWriter({});
  const t0 = performance.now();
  const s = await runLakeEtl({
    db,
    lake: objectStoreAt(path.join(work, "lake")),
    ...(pool ? { stage: pool.stage, concurrency: pool.threads * 2 } : { writer: writer ?? undefined }),
    stagingRoot: path.join(work, "lake", ".staging"),
    objects: filesAsRawObjects(files, (abs) => path.relative(rawDir, abs)),
    trigger: "bench",
  });
  const secs = (performance.now() - t0) / 1000;
  writer?.close();
  await pool?.close();
  await db.close();
  const out = execFileSync("du", ["-sb", path.join(work, "lake", "processed")])
    .toString()
    .split("\t")[0];
  fs.rmSync(work, { recursive: true, force: true });
  return {
    files: files.length,
    records: s.rows.cloudtrail ?? 0,
    secs,
    errors: s.errors.length,
    parquetBytes: Number(out),
  };
}

async function baseline() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-base-"));
  const inst = await DuckDBInstance.create(":memory:", { threads: String(os.cpus().length), memory_limit: "8GB" });
  const c = await inst.connect();
  const t0 = performance.now();
  const out = path.join(work, "out.parquet");
  await c.run(
    `COPY (SELECT unnest(Records, recursive := true) FROM read_json('${rawDir}/**/*.json.gz', maximum_object_size = 268435456))
     TO '${out}' (${PARQUET_ZSTD})`,
  );
  const secs = (performance.now() - t0) / 1000;
  const n = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM '${out}'`)).getRowObjectsJS()[0]?.n);
  const bytes = fs.statSync(out).size;
  c.closeSync();
  inst.closeSync();
  fs.rmSync(work, { recursive: true, force: true });
  return { records: n, secs, parquetBytes: bytes };
}

function child(phase: string, extra: string[] = []): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] ?? "",
      "--phase",
      phase,
      "--records",
      String(records),
      "--per-file",
      String(perFile),
      "--dir",
      values.dir ?? "",
      ...extra,
    ],
    {
      encoding: "utf8",
      maxBuffer: 1 << 24,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}");
}

async function main() {
  if (values.phase) {
    const res =
      values.phase === "baseline" ? await baseline() : await ours(Number(values.files), Number(values.threads ?? 0));
    console.log(JSON.stringify({ ...res, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
    return;
  }
  if (!fs.existsSync(path.join(rawDir, ".complete"))) {
    console.log(`generating ${records.toLocaleString()} CloudTrail records (${perFile}/file) into ${rawDir} …`);
    fs.rmSync(rawDir, { recursive: true, force: true });
    // Like CloudTrail's own delivery: each file covers about five minutes of one account/region.
    const days = ((records / perFile) * 5) / 1440;
    generateLake({
      outDir: rawDir,
      days,
      scale: records / 2000 / days,
      seed: 11,
      cloudTrailOnly: true,
      recordsPerFile: perFile,
      end: Date.UTC(2026, 10, 1),
    });
    fs.writeFileSync(path.join(rawDir, ".complete"), "");
  }
  const files = listGz();
  const gzBytes = files.reduce((a, f) => a + fs.statSync(f).size, 0);
  console.log(
    `input: ${files.length} files, ${(gzBytes / 2 ** 20).toFixed(0)} MiB gzip, ${os.cpus().length} cores, node ${process.version}`,
  );

  const threads = os.availableParallelism();
  const rows: [string, Record<string, number>][] = [];
  const quarter = String(Math.round(files.length / 4));
  rows.push([
    "sightline ETL in one thread (no pool), 25% of files",
    child("ours", ["--files", quarter, "--threads", "0"]),
  ]);
  for (const frac of [0.25, 0.5])
    rows.push([
      `sightline ETL, ${threads} workers, ${frac * 100}% of files`,
      child("ours", ["--files", String(Math.round(files.length * frac)), "--threads", String(threads)]),
    ]);
  const full = child("ours", ["--files", String(files.length), "--threads", String(threads)]);
  rows.push([`sightline ETL, ${threads} workers, all files`, full]);
  const base = child("baseline");
  rows.push(["baseline: duckdb read_json → COPY parquet", base]);

  console.log("\n| run | files | records | seconds | records/s | peak RSS MiB | Parquet MiB |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [name, r] of rows) {
    const rps = Math.round((r.records ?? 0) / (r.secs ?? 1));
    console.log(
      `| ${name} | ${r.files ?? files.length} | ${(r.records ?? 0).toLocaleString()} | ${(r.secs ?? 0).toFixed(1)} | ${rps.toLocaleString()} | ${r.maxRssMiB} | ${((r.parquetBytes ?? 0) / 2 ** 20).toFixed(0)} |`,
    );
  }
  const oursRps = (full.records ?? 0) / (full.secs ?? 1);
  const baseRps = (base.records ?? 0) / (base.secs ?? 1);
  console.log(`\nsightline ETL: ${Math.round(oursRps).toLocaleString()} records/s (target ≥ 100,000)`);
  console.log(`ratio to baseline: ${(oursRps / baseRps).toFixed(2)}× (target ≥ 0.5×)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
