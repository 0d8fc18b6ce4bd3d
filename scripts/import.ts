/**
 * `npm run import -- <files|dirs>…`: import exported AWS logs (CloudTrail, GuardDuty, VPC Flow
 * Logs, CloudWatch Logs; gz or not, any mix) into the local lake. Safe while the server runs.
 */
import path from "node:path";
import { openDatabase } from "@/lib/adapters/compose/database";
import { openLakeWorkerPool } from "@/lib/adapters/compose/lake-engines";
import { objectStoreAt } from "@/lib/adapters/compose/stores";
import { migrate } from "@/lib/db/migrate";
import { loadEnv } from "@/lib/env";
import { filesAsRawObjects, lakePaths } from "@/lib/lake/local-sources";
import { runLakeEtl } from "@/lib/lake/run-lake-etl";
import { progress } from "./lib/progress";

async function main() {
  const paths = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (!paths.length) {
    console.error("usage: npm run import -- <file|dir> [more…]");
    process.exit(2);
  }
  const env = loadEnv();
  const db = await openDatabase(env);
  // Every core normalizes and encodes; this thread publishes and records.
  const pool = openLakeWorkerPool();
  try {
    await migrate(db);
    const lake = lakePaths(env.dataDir);
    const keyOf = (abs: string) => `import${abs.split(path.sep).join("/")}`;
    const objects = [...filesAsRawObjects(paths, keyOf)];
    const bar = progress(objects.length, "files");
    let done = 0;
    const s = await runLakeEtl({
      db,
      lake: objectStoreAt(lake.root),
      stage: pool.stage,
      concurrency: pool.threads * 2,
      stagingRoot: lake.staging,
      objects,
      trigger: "import",
      onObject: (_raw, _res, sum) => bar.update(++done, `${sum.records.toLocaleString()} records`),
    });
    bar.done();
    const secs = s.durationMs / 1000;
    console.log(
      `\nImported ${s.objects} objects in ${secs.toFixed(1)}s (${Math.round(s.records / Math.max(secs, 0.001)).toLocaleString()} records/s)`,
    );
    for (const [table, n] of Object.entries(s.rows))
      console.log(`  ${table.padEnd(12)} ${String(n).padStart(10)} rows`);
    console.log(`  quarantined  ${String(s.quarantined).padStart(10)}`);
    for (const [why, n] of Object.entries(s.skipped)) console.log(`  skipped      ${String(n).padStart(10)}  ${why}`);
    for (const e of s.errors) console.log(`  error        ${e.key}: ${e.message}`);
    if (s.quarantined)
      console.log(
        `Quarantined records are in ${path.join(lake.root, "quarantine")} (source key, position, reason, sample).`,
      );
    process.exitCode = s.errors.length ? 1 : 0;
  } finally {
    await pool.close();
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
