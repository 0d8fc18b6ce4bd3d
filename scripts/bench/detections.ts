/**
 * `npm run bench:detections [-- --records 1000000 --runs 2]`: what the detections cost.
 * 1. Lake ETL throughput on generated CloudTrail files (the demo generator's estate, attack stories
 *    included) with every per-event rule on, against the same ETL with every rule turned off, in
 *    the same run, alternating (target: the rules cost at most 20%).
 * 2. Every threshold and sequence rule over the last 24 hours of the generated 10M-event lake that
 *    `bench:findings` builds (target: at most 30 s on this machine).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openEmbeddedDatabase } from "@/lib/adapters/compose/database";
import { openLakeWorkerPool, openLocalLakeQuery, openParquetWriter } from "@/lib/adapters/compose/lake-engines";
import { objectStoreAt } from "@/lib/adapters/compose/stores";
import { migrate } from "@/lib/db/migrate";
import { generateLake } from "@/lib/demo/generate-lake";
import { ALL_RULES, EVENT_RULES, SCHEDULED_RULES } from "@/lib/detections/catalog";
import { runScheduledDetections } from "@/lib/detections/run-scheduled-detections";
import { type DetectionTuning, NO_TUNING } from "@/lib/detections/tuning";
import { filesAsRawObjects } from "@/lib/lake/local-sources";
import { runLakeEtl } from "@/lib/lake/run-lake-etl";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "1000000" },
    runs: { type: "string", default: "2" },
    dir: { type: "string", default: path.resolve(".sightline/bench/detections") },
    part: { type: "string", default: "all" }, // etl | scheduled | all
  },
});
const records = Number(values.records);
const rawDir = path.join(values.dir ?? "", `raw-${records}`);
const ALL_OFF: DetectionTuning = { ...NO_TUNING, disabled: EVENT_RULES.map((r) => r.id) };
/** What a new install runs: every rule but those off by default (noisy in most estates). */
const SHIPPED: DetectionTuning = {
  ...NO_TUNING,
  disabled: EVENT_RULES.filter((r) => r.enabledByDefault === false).map((r) => r.id),
};

function ensureRaw(): string[] {
  if (!fs.existsSync(path.join(rawDir, ".complete"))) {
    console.log(`generating ${records.toLocaleString()} CloudTrail records into ${rawDir} …`);
    fs.rmSync(rawDir, { recursive: true, force: true });
    const days = ((records / 5000) * 5) / 1440;
    generateLake({ outDir: rawDir, days, scale: records / 2000 / days, seed: 11 });
    fs.writeFileSync(path.join(rawDir, ".complete"), "");
  }
  return fs
    .readdirSync(rawDir, { recursive: true })
    .map(String)
    .filter((f) => f.includes("CloudTrail") && f.endsWith(".json.gz"))
    .sort()
    .map((f) => path.join(rawDir, f));
}

/** One ETL run over the files on a fresh lake and database: records per second, findings raised. */
async function etlRun(files: string[], tuning: DetectionTuning) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-det-"));
  const db = await openEmbeddedDatabase(path.join(work, "db"));
  await migrate(db);
  const pool = openLakeWorkerPool({ threads: os.availableParallelism() });
  try {
    const t0 = performance.now();
    const s = await runLakeEtl({
      db,
      lake: objectStoreAt(path.join(work, "lake")),
      stage: pool.stage,
      concurrency: pool.threads * 2,
      stagingRoot: path.join(work, "lake", ".staging"),
      objects: filesAsRawObjects(files, (abs) => path.relative(rawDir, abs)),
      trigger: "bench",
      tuning,
    });
    const secs = (performance.now() - t0) / 1000;
    return { recordsPerSec: (s.rows.cloudtrail ?? 0) / secs, findings: s.rows.findings ?? 0, errors: s.errors.length };
  } finally {
    await pool.close();
    await db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function etlPart() {
  const files = ensureRaw();
  const sides = { off: [] as number[], shipped: [] as number[], every: [] as number[] };
  const findings = { shipped: 0, every: 0 };
  for (let i = 0; i < Number(values.runs); i++) {
    // Interleaved, so a busy spell of this shared machine does not land on one side only.
    const a = await etlRun(files, ALL_OFF);
    const b = await etlRun(files, SHIPPED);
    const c = await etlRun(files, NO_TUNING);
    sides.off.push(a.recordsPerSec);
    sides.shipped.push(b.recordsPerSec);
    sides.every.push(c.recordsPerSec);
    findings.shipped = b.findings;
    findings.every = c.findings;
    console.log(
      `run ${i + 1}: rules off ${Math.round(a.recordsPerSec)} rec/s, as shipped ${Math.round(b.recordsPerSec)}, every rule ${Math.round(c.recordsPerSec)}`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  const off = median(sides.off);
  const cost = (xs: number[]) => `${((1 - median(xs) / off) * 100).toFixed(1)}%`;
  const offByDefault = EVENT_RULES.filter((r) => r.enabledByDefault === false).length;
  console.log(
    [
      `\n| lake ETL, ${records.toLocaleString()} CloudTrail records | records/s (median of ${values.runs}) | cost | findings |`,
      "|---|---|---|---|",
      `| every per-event rule off (baseline) | ${Math.round(off).toLocaleString()} | — | 0 |`,
      `| as shipped (${EVENT_RULES.length - offByDefault} rules on) | ${Math.round(median(sides.shipped)).toLocaleString()} | ${cost(sides.shipped)} | ${findings.shipped} |`,
      `| every per-event rule on (${EVENT_RULES.length}) | ${Math.round(median(sides.every)).toLocaleString()} | ${cost(sides.every)} | ${findings.every} |`,
      "\ntarget: the rules cost at most 20%",
    ].join("\n"),
  );
}

async function scheduledPart() {
  const script = path.resolve("scripts/bench/findings.ts");
  const out = execFileSync(process.execPath, [...process.execArgv, script, "--generate-only"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const root = out.trim().split("\n").pop() ?? "";
  const end = Date.UTC(2026, 10, 1); // the generated lake's last instant (scripts/bench/findings.ts)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-det-sched-"));
  const db = await openEmbeddedDatabase(path.join(work, "db"));
  await migrate(db);
  const lake = await openLocalLakeQuery(root, { connections: 2, threads: os.availableParallelism() });
  const writer = await openParquetWriter({ threads: 1, memoryLimit: "1GB" });
  try {
    const t0 = performance.now();
    const s = await runScheduledDetections({
      db,
      lake,
      // Findings go to a scratch store: the generated lake stays as bench:findings made it.
      store: objectStoreAt(path.join(work, "out")),
      writer,
      stagingRoot: path.join(work, "staging"),
      now: end + 70 * 60_000,
      backfillHours: 24,
    });
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `\n${SCHEDULED_RULES.length} threshold and sequence rules over the last 24 h of the 10M-event lake (${s.evaluated.length} rule-hours, ${s.findings} findings): ${secs.toFixed(1)} s (target ≤ 30 s)`,
    );
  } finally {
    writer.close();
    await lake.close();
    await db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`${ALL_RULES.length} built-in rules; ${os.cpus().length} cores, node ${process.version}`);
  if (values.part !== "scheduled") await etlPart();
  if (values.part !== "etl") await scheduledPart();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
