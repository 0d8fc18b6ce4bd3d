import fs from "node:fs";
import { runLocalDetections } from "@/lib/adapters/compose/detections";
import { openParquetWriter } from "@/lib/adapters/compose/lake-engines";
import { localLakeStore } from "@/lib/adapters/compose/stores";
import { makeWorld } from "@/lib/demo/aws-world";
import { generateLake } from "@/lib/demo/generate-lake";
import { seedSimulatedEstate } from "@/lib/demo/seed-estate";
import type { Env } from "@/lib/env";
import { lakePaths } from "@/lib/lake/local-sources";
import { rawAreaObjects } from "@/lib/lake/raw-area";
import { type RawObject, runLakeEtl } from "@/lib/lake/run-lake-etl";
import type { RunSummary } from "@/lib/lake/run-summary";
import type { Queryable } from "@/lib/ports/database";
import type { FirstStartHook } from "@/lib/runtime/prepare";
import { repeatWithoutOverlap } from "./repeat";

/** Processes whatever is new or changed in the local raw area (or just `objects` when given). */
export async function scanRawArea(
  env: Env,
  db: Queryable,
  trigger: string,
  objects?: Iterable<RawObject>,
): Promise<RunSummary | null> {
  const paths = lakePaths(env.dataDir);
  if (!objects && !fs.existsSync(paths.raw)) return null;
  const writer = await openParquetWriter({ threads: 1, memoryLimit: "512MB" });
  try {
    return await runLakeEtl({
      db,
      lake: localLakeStore(env),
      writer,
      stagingRoot: paths.staging,
      objects: objects ?? rawAreaObjects(paths.raw),
      trigger,
      skipUnchanged: true,
    });
  } finally {
    writer.close();
  }
}

/**
 * The local stand-in for S3 event notifications: every few seconds, files dropped into
 * `<data>/lake/raw/` that are new or changed go through the lake ETL. Runs never overlap.
 */
export function watchRawArea(env: Env, db: Queryable, log: (m: string) => void): () => void {
  return repeatWithoutOverlap(
    "lake: scan",
    env.SIGHTLINE_LAKE_SCAN_SECONDS * 1000,
    async () => {
      const s = await scanRawArea(env, db, "watcher");
      if (s && (s.objects || s.errors.length))
        log(
          `lake: ${s.objects} new objects, ${s.records} rows, ${s.quarantined} quarantined, ${s.errors.length} errors`,
        );
    },
    log,
  );
}

/** First start: a small demo estate's logs (3 days) written in AWS's raw layout and loaded. */
export const demoLakeHook: FirstStartHook = {
  name: "demo-lake",
  async run({ env, db, log }) {
    if (!env.SIGHTLINE_DEMO_DATA) return;
    // The estate the findings talk about, so incident response can act on it (simulated).
    await seedSimulatedEstate(db, makeWorld(7)); // generateLake builds its world from the same seed
    const totals = generateLake({ outDir: lakePaths(env.dataDir).raw, days: 3, scale: 1, seed: 7 });
    const s = await scanRawArea(env, db, "demo-seed");
    log(`demo lake: ${totals.files} raw files → ${s?.records ?? 0} rows (${JSON.stringify(s?.rows ?? {})})`);
  },
};

/**
 * The local stand-in for the detections schedule (EventBridge → Lambda in AWS): every few minutes,
 * the threshold and sequence rules over hours that completed or received late data.
 */
export function scheduleDetections(env: Env, db: Queryable, log: (m: string) => void): () => void {
  return repeatWithoutOverlap(
    "detections",
    env.SIGHTLINE_DETECTIONS_SECONDS * 1000,
    async () => {
      const s = await runLocalDetections(env, db);
      if (s.evaluated.length) log(`detections: ${s.evaluated.length} rule-hours evaluated, ${s.findings} findings`);
    },
    log,
  );
}
