/**
 * `npm run generate -- --days N --scale S [--seed X] [--out DIR] [--no-import]`: writes demo
 * CloudTrail, GuardDuty, VPC Flow Logs and CloudWatch Logs in AWS's raw S3 layout (into the
 * local lake's raw area by default) and runs them through the same ETL.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/adapters/compose/database";
import { migrate } from "@/lib/db/migrate";
import { generateLake } from "@/lib/demo/generate-lake";
import { loadEnv } from "@/lib/env";
import { lakePaths } from "@/lib/lake/local-sources";
import { scanRawArea } from "@/lib/runtime/local-lake";

async function main() {
  const { values } = parseArgs({
    options: {
      days: { type: "string", default: "3" },
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: "7" },
      out: { type: "string" },
      "no-import": { type: "boolean", default: false },
    },
  });
  const env = loadEnv();
  const lake = lakePaths(env.dataDir);
  const outDir = values.out ?? lake.raw;
  const t0 = Date.now();
  const totals = generateLake({
    outDir,
    days: Number(values.days),
    scale: Number(values.scale),
    seed: Number(values.seed),
  });
  console.log(`generated ${totals.files} raw files in ${outDir} (${((Date.now() - t0) / 1000).toFixed(1)}s):`, totals);
  if (values["no-import"] || values.out) return;
  const db = await openDatabase(env);
  try {
    await migrate(db);
    // Same path as the server's raw-area watcher: only new or changed files are processed.
    const s = await scanRawArea(env, db, "generate");
    if (s) {
      console.log(
        `ETL: ${s.objects} objects, ${s.records} rows, ${s.quarantined} quarantined, ${(s.durationMs / 1000).toFixed(1)}s`,
        s.rows,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
