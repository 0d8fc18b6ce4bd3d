import fs from "node:fs";
import { SCHEDULED_RULES } from "@/lib/detections/catalog";
import { sigmaDirOf } from "@/lib/detections/rule-registry";
import type { ScheduledRunSummary } from "@/lib/detections/run-scheduled-detections";
import { runScheduledDetections } from "@/lib/detections/run-scheduled-detections";
import { sigmaAsScheduled } from "@/lib/detections/sigma/as-scheduled";
import { loadSigmaRules } from "@/lib/detections/sigma/load-sigma-rules";
import type { Env } from "@/lib/env";
import { lakePaths } from "@/lib/lake/local-sources";
import type { Queryable } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { openLocalLakeQuery, openParquetWriter } from "./lake-engines";
import { localLakeStore } from "./stores";

/** The Sigma rules of the rules directory, as the scheduled engine runs them (none when it is missing). */
async function sigmaRules(env: Env) {
  const dir = sigmaDirOf(env);
  if (!fs.existsSync(dir)) return [];
  return (await loadSigmaRules(dir)).rules.map(sigmaAsScheduled);
}

/**
 * The scheduled rules over the local lake: DuckDB reads it (the given engine, or one opened for the
 * run), DuckDB writes the findings' Parquet into it.
 */
export async function runLocalDetections(
  env: Env,
  db: Queryable,
  lake?: LakeQueryEngine,
): Promise<ScheduledRunSummary> {
  const paths = lakePaths(env.dataDir);
  const writer = await openParquetWriter({ threads: 1, memoryLimit: "512MB" });
  const engine = lake ?? (await openLocalLakeQuery(paths.root));
  try {
    return await runScheduledDetections({
      db,
      rules: [...SCHEDULED_RULES, ...(await sigmaRules(env))],
      lake: engine,
      store: localLakeStore(env),
      writer,
      // Per process: the host's schedule and the app's "run now" may overlap.
      stagingRoot: `${paths.staging}-detections-${process.pid}`,
    });
  } finally {
    writer.close();
    if (!lake) await engine.close();
  }
}
