/**
 * `npm run bench:reviews [-- --items 200]`: review decision latency (decideReview: conditional update +
 * audit + resuming the workflow) and end-to-end submit → pending latency (submitApplication until the
 * review task is registered: start, parallel validators, Choice, callback registration), on the local
 * engine over embedded PGlite (the default backend), plus decision latency on Postgres when
 * DATABASE_URL is set.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openEmbeddedDatabase, openPostgres } from "@/lib/adapters/compose/database";
import { localWorkflowEngine } from "@/lib/adapters/compose/workflows";
import type { Bindings } from "@/lib/adapters/local/local-workflow-engine";
import { applicationReviewHandlers } from "@/lib/applications/application-review-handlers";
import { DEMO_DENYLIST } from "@/lib/applications/rules";
import { submitApplication } from "@/lib/applications/submit-application";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { decideReview } from "@/lib/reviews/decide-review";

const { values } = parseArgs({ options: { items: { type: "string", default: "200" } } });
const N = Number(values.items);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;

async function run(db: PgDatabase, label: string) {
  await migrate(db);
  const registeredAt = new Map<string, number>();
  const base = applicationReviewHandlers({ db, denylist: DEMO_DENYLIST });
  const bindings: Bindings = {
    "application-review": {
      ...base,
      // Observe the moment the callback task is registered (the item is in the queue).
      ["PendingReview"]: async (p) => {
        const out = await (base.PendingReview as (x: typeof p) => Promise<typeof p>)(p);
        registeredAt.set((p as { applicationId: string }).applicationId, performance.now());
        return out;
      },
    },
  };
  const engine = localWorkflowEngine(db, bindings);
  const submitMs: number[] = [];
  const taskIds: string[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const { applicationId: appId } = await submitApplication({
      ctx: { db, workflows: engine, submitter: "applicant@example.com", slaSeconds: 3600 },
      input: {
        name: `Mallory Blacklisted ${i}`,
        address: { line1: "1 Test Street", city: "London", postcode: "SW1A 1AA", country: "GB" },
      },
    });
    while (!registeredAt.has(appId)) await new Promise((r) => setImmediate(r));
    submitMs.push((registeredAt.get(appId) ?? t0) - t0);
    const [task] = await db.query<{ id: string }>("SELECT id FROM review_tasks WHERE subject = $1", [appId]);
    taskIds.push(task?.id ?? "");
  }
  const decideMs: number[] = [];
  const principal = { id: "r", email: "reviewer@sightline.local", roles: ["reviewers" as const] };
  for (const [i, id] of taskIds.entries()) {
    const t0 = performance.now();
    await decideReview({
      ctx: { db, workflows: engine, principal },
      id,
      input: i % 2 ? { decision: "approve" } : { decision: "reject", comment: "bench" },
    });
    decideMs.push(performance.now() - t0);
  }
  await engine.idle();
  const [done] = await db.query<{ n: string }>(
    "SELECT count(*) AS n FROM workflow_executions WHERE status = 'SUCCEEDED'",
  );
  await engine.stop();
  await db.close();
  return { label, submitMs, decideMs, completed: Number(done?.n ?? 0) };
}

async function main() {
  const rows = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-reviews-"));
  rows.push(await run(await openEmbeddedDatabase(path.join(work, "db"), 1), "embedded PGlite"));
  if (process.env.DATABASE_URL) {
    const schema = `bench_${Date.now()}`;
    const admin = openPostgres({ url: process.env.DATABASE_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    rows.push(await run(openPostgres({ url: process.env.DATABASE_URL, schema }), "Postgres"));
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
  fs.rmSync(work, { recursive: true, force: true });
  console.log(
    `\n${N} applications each (flagged → pending → decided), ${os.cpus().length} cores, node ${process.version}\n`,
  );
  console.log(
    "| database | decision p50 ms | decision p95 ms | target p95 | submit→pending p50 ms | submit→pending p95 ms | executions completed |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const p95 = pct(r.decideMs, 95);
    console.log(
      `| ${r.label} | ${pct(r.decideMs, 50).toFixed(1)} | ${p95.toFixed(1)} | ≤ 50 ${p95 <= 50 ? "✓" : "✗"} | ${pct(r.submitMs, 50).toFixed(1)} | ${pct(r.submitMs, 95).toFixed(1)} | ${r.completed}/${N} |`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
