import os from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { ObjectStager, StagedObject } from "@/lib/lake/stage-object";
import type { StageTask } from "./lake-worker";

/**
 * Runs the CPU-heavy half of the lake ETL (`stageObject`) on worker threads, one DuckDB writer per
 * worker, so an import uses every core; publishing, manifests and bookkeeping stay on the caller's
 * thread. Piscina owns the threads, the queue and error propagation. For scripts run with tsx
 * (import, generate, bench), not inside the Next.js bundle.
 */
export class LakeWorkerPool {
  private constructor(private readonly pool: Piscina<StageTask, StagedObject>) {}

  static create(opts: { threads?: number } = {}): LakeWorkerPool {
    const threads = Math.max(1, opts.threads ?? os.availableParallelism());
    const filename = fileURLToPath(new URL("./lake-worker.ts", import.meta.url));
    const tsx = process.execArgv.some((a) => a.includes("tsx"));
    return new LakeWorkerPool(
      new Piscina({
        filename,
        minThreads: threads,
        maxThreads: threads,
        // The worker is TypeScript: load it through tsx when the caller was not started with it (tests).
        execArgv: tsx ? process.execArgv : [...process.execArgv, "--import", "tsx"],
      }),
    );
  }

  get threads(): number {
    return this.pool.options.maxThreads;
  }

  /** The stager to hand to `runLakeEtl`/`processObject`. The raw bytes are moved to the worker, not copied. */
  readonly stage: ObjectStager = (sourceKey, bytes, stagingDir, tuning) => {
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return this.pool.run(
      { sourceKey, bytes: own, stagingDir, tuning },
      { transferList: own.buffer instanceof ArrayBuffer ? [own.buffer] : [] },
    );
  };

  async close(): Promise<void> {
    await this.pool.close();
  }
}
