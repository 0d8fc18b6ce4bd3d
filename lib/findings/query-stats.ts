import type { LakeQueryEngine, LakeQueryStats } from "@/lib/ports/lake-query";
import type { QueryStats } from "@/lib/schemas/lake-view";

/** Athena's price per TB scanned (us-east-1, SQL queries), for the estimate shown beside each view. */
export const ATHENA_USD_PER_TB = 5;
const MIN_BILLED_BYTES = 10 * 1024 * 1024;

/** What a view shows about the queries behind it: engine time, bytes, estimated cost, pruning. */
export function combineStats(engine: LakeQueryEngine, all: LakeQueryStats[], prunedByTime: boolean): QueryStats {
  const bytes = all.every((s) => s.bytesScanned !== null) ? all.reduce((a, s) => a + (s.bytesScanned ?? 0), 0) : null;
  const estimatedCostUsd =
    engine.dialect.engine === "athena" && bytes !== null
      ? all.reduce((a, s) => a + Math.max(s.bytesScanned ?? 0, MIN_BILLED_BYTES), 0) * (ATHENA_USD_PER_TB / 1e12)
      : null;
  return {
    engine: engine.dialect.engine,
    engineMs: Math.round(all.reduce((a, s) => a + s.engineMs, 0)),
    bytesScanned: bytes,
    estimatedCostUsd,
    prunedByTime,
    queries: all.length,
  };
}
