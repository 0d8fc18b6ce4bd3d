/**
 * Worker-thread side of `LakeWorkerPool`, and that thread's entry point: stages raw objects
 * (decode → normalize → detect → Parquet) with the thread's own single-threaded DuckDB writer.
 */
import { openParquetWriter } from "@/lib/adapters/compose/lake-engines";
import type { DuckDbParquetWriter } from "@/lib/adapters/duckdb/parquet-writer";
import type { DetectionTuning } from "@/lib/detections/tuning";
import { type StagedObject, stageObject } from "@/lib/lake/stage-object";

export interface StageTask {
  sourceKey: string;
  bytes: Uint8Array;
  stagingDir: string;
  tuning?: DetectionTuning;
}

let writer: Promise<DuckDbParquetWriter> | null = null;

export default async function stage(task: StageTask): Promise<StagedObject> {
  if (!writer) {
    writer = openParquetWriter({ threads: 1, memoryLimit: "512MB" });
    const opened = writer;
    // Piscina ends workers on close; take the DuckDB instance and its temp dir with it.
    process.once("exit", () => void opened.then((w) => w.close()));
  }
  return stageObject({ ...task, writer: await writer });
}
