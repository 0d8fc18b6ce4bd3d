/**
 * `npm run bench:funnel -- --suite questions [--events 20000000 --days 30 --runs 10 --layouts day-session-zstd-rg122880
 *   --postgres --pg-runs 10 --schema bench_funnel_q --threads 2 --seed 33 --direct --without-summaries]`
 *
 * The four questions of the funnels issue (`funnel-questions.ts`) on generated events
 * (`clickstream-gen.ts`: `--events` in the trailing `--days`, 63 days in all so an 8-week retention
 * has whole cohorts), on DuckDB over the columnar copy in each `--layouts` (`clickstream-layouts.ts`)
 * with the per-session summaries the ETL writes for merged days (`session-summaries.ts`; left out, and
 * every day read from its events, with `--without-summaries`), every query `--runs` times after a warm-up, interleaved with the bare DuckDB group-by (the
 * machine's limit); with `--postgres` the same questions on Postgres (the raw-events path) and the
 * Umami-style self-join, `--pg-runs` times. Prints p50/p95/max, ratios, and peak memory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openPostgres } from "@/lib/adapters/compose/database";
import { eventLakeAt, openLocalLakeQuery } from "@/lib/adapters/compose/lake-engines";
import { ensureBaseEvents, type GenSpec, genKey, writeDayFilesDirect } from "./clickstream-gen";
import {
  copyOptions,
  duSize,
  ensureLayout,
  ensurePostgresEvents,
  layoutName,
  parseLayout,
} from "./clickstream-layouts";
import { type Answer, bareGroupBy, buildQuestions, type Range } from "./funnel-questions";
import { ensureSessionSummaries } from "./session-summaries";

const { values } = parseArgs({
  options: {
    suite: { type: "string" },
    events: { type: "string", default: "20000000" },
    days: { type: "string", default: "30" },
    "span-days": { type: "string", default: "63" },
    seed: { type: "string", default: "33" },
    runs: { type: "string", default: "10" },
    layouts: { type: "string", default: "day-session-zstd-rg122880" },
    threads: { type: "string", default: String(os.cpus().length) },
    postgres: { type: "boolean", default: false },
    "pg-runs": { type: "string", default: "10" },
    only: { type: "string", default: "Q1,Q2,Q3,Q4" },
    /** Generate one sorted file a day straight to Parquet, with no base table (100M events); day layouts only, no --postgres. */
    direct: { type: "boolean", default: false },
    /** Read every day from its events: no per-session summaries (as before the ETL merges a day). */
    "without-summaries": { type: "boolean", default: false },
    /** Leave out the Umami-style self-joins (minutes each at 20M events). */
    "skip-umami": { type: "boolean", default: false },
    schema: { type: "string", default: "bench_funnel_q" },
    dir: { type: "string", default: path.join(os.tmpdir(), "sightline-bench-funnel") },
  },
});
const spec: GenSpec = {
  seed: Number(values.seed),
  events: Number(values.events),
  days: Number(values.days),
  spanDays: Number(values["span-days"]),
  end: "2026-11-30T00:00:00.000Z",
};
const RUNS = Number(values.runs);
const URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
if (!/^[a-z_][a-z0-9_]*$/.test(values.schema)) throw new Error("--schema: a lowercase SQL name");

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;
interface Timing {
  label: string;
  ms: number[];
  answer: Answer | string;
}
const fmt = (t: Timing) =>
  `${pct(t.ms, 50).toFixed(0)} | ${pct(t.ms, 95).toFixed(0)} | ${Math.max(...t.ms).toFixed(0)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Times `fns` interleaved (run i of each, then run i+1), after one warm-up each; a failure is recorded as its message. */
async function interleaved(fns: { label: string; fn: () => Promise<Answer> }[], runs: number): Promise<Timing[]> {
  const out: Timing[] = fns.map((f) => ({ label: f.label, ms: [], answer: [] }));
  for (let i = -1; i < runs; i++)
    for (const [j, f] of fns.entries()) {
      const t0 = performance.now();
      const answer = await f.fn().catch((err: Error) => `failed: ${err.message.slice(0, 120)}`);
      const ms = performance.now() - t0;
      const o = out[j] as Timing;
      if (i < 0) o.answer = answer;
      else o.ms.push(ms);
    }
  return out;
}

async function duckMemory(engine: { query: (s: string, p: []) => Promise<{ rows: Record<string, unknown>[] }> }) {
  const { rows } = await engine.query(
    "SELECT sum(memory_usage_bytes) AS m, sum(temporary_storage_bytes) AS t FROM duckdb_memory()",
    [],
  );
  return { mem: Number(rows[0]?.m ?? 0), temp: Number(rows[0]?.t ?? 0) };
}

async function benchLayout(name: string, base: string | null, r: Range) {
  const layout = parseLayout(name);
  const dir = path.join(values.dir, genKey(spec));
  let root = path.join(dir, `${layoutName(layout)}-direct`);
  if (base) root = await ensureLayout(dir, base, layout);
  else if (layout.per === "day" && layout.sort === "session")
    await writeDayFilesDirect(root, spec, copyOptions(layout));
  else throw new Error("--direct writes day-session layouts only");
  if (values["without-summaries"]) fs.rmSync(path.join(root, "sessions"), { recursive: true, force: true });
  else {
    const s = await ensureSessionSummaries(root, Number(values.threads));
    console.log(
      `per-session summaries: ${s.written} written in ${s.seconds.toFixed(0)} s (the rest kept), ${mb(s.bytes)} in all`,
    );
  }
  const engine = await openLocalLakeQuery(root, { connections: 1, threads: Number(values.threads) });
  const lake = eventLakeAt(engine, root);
  const questions = buildQuestions(r).filter((q) => values.only.split(",").includes(q.id));
  let peakDuck = 0;
  try {
    const fns = [
      { label: "bare group-by (the limit)", fn: () => bareGroupBy(lake, r) },
      ...questions.map((q) => ({
        label: `${q.id} ${q.label}`,
        fn: async () => {
          const a = await q.columnar(lake);
          peakDuck = Math.max(peakDuck, (await duckMemory(engine)).mem);
          return a;
        },
      })),
    ];
    const t = await interleaved(fns, RUNS);
    const bare = pct(t[0]?.ms ?? [], 95);
    console.log(
      `\nlayout ${name}: ${mb(duSize(path.join(root, "events")))} of Parquet, ${values.threads} DuckDB threads, ${RUNS} runs`,
    );
    console.log("| query | p50 ms | p95 ms | max ms | bare p95 / p95 | answer |");
    console.log("|---|---|---|---|---|---|");
    for (const x of t)
      console.log(
        `| ${x.label} | ${fmt(x)} | ${(bare / pct(x.ms, 95)).toFixed(2)} | ${JSON.stringify(x.answer).slice(0, 80)} |`,
      );
    console.log(
      `DuckDB memory high-water after queries ${mb(peakDuck)}; process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
    return t;
  } finally {
    await engine.close();
  }
}

async function benchPostgres(base: string, r: Range, columnar: Timing[]) {
  await ensurePostgresEvents(URL, values.schema, base, genKey(spec));
  const db = openPostgres({ url: URL, schema: values.schema, max: 2 });
  await db.query("SET statement_timeout = 0");
  const questions = buildQuestions(r).filter((q) => values.only.split(",").includes(q.id));
  const fns = questions.flatMap((q) => [
    { label: `${q.id} Postgres (raw events path / same SQL)`, fn: () => q.postgres(db) },
    ...(q.umami && !values["skip-umami"]
      ? [
          {
            label: `${q.id} Umami-style self-join (Postgres)`,
            fn: () => (q.umami as (d: typeof db) => Promise<Answer>)(db),
          },
        ]
      : []),
  ]);
  const t = await interleaved(fns, Number(values["pg-runs"]));
  console.log(`\nPostgres ${URL.replace(/\/\/[^@]*@/, "//")} schema ${values.schema}, ${values["pg-runs"]} runs`);
  console.log("| query | p50 ms | p95 ms | max ms | p95 / columnar p95 | answer |");
  console.log("|---|---|---|---|---|---|");
  for (const x of t) {
    const c = columnar.find((y) => y.label.startsWith(x.label.slice(0, 3)));
    console.log(
      `| ${x.label} | ${fmt(x)} | ${c ? (pct(x.ms, 95) / pct(c.ms, 95)).toFixed(1) : "—"} | ${JSON.stringify(x.answer).slice(0, 80)} |`,
    );
  }
  await db.close();
}

export async function main() {
  const dir = path.join(values.dir, genKey(spec));
  if (values.direct && values.postgres) throw new Error("--direct keeps no base table for --postgres to load");
  const base = values.direct ? null : await ensureBaseEvents(dir, spec);
  const end = spec.end;
  const r: Range = {
    from: new Date(Date.parse(end) - spec.days * 86_400_000).toISOString(),
    to: end,
    weeksFrom: new Date(Date.parse(end) - 56 * 86_400_000).toISOString(),
  };
  console.log(
    `${spec.events.toLocaleString()} events in the ${spec.days} days to ${end} (${spec.spanDays} days generated), seed ${spec.seed}; ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  let first: Awaited<ReturnType<typeof benchLayout>> | null = null;
  for (const name of values.layouts.split(",")) {
    const t = await benchLayout(layoutName(parseLayout(name)), base, r);
    first ??= t;
  }
  if (values.postgres && first && base) await benchPostgres(base, r, first.slice(1));
  console.log(
    `\nprocess max RSS ${mb(process.resourceUsage().maxRSS * 1024)}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
}
