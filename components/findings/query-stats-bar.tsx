import type { QueryStats } from "@/lib/schemas/lake-view";

const bytes = (b: number) =>
  b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(0)} KB`;

/** What the lake queries behind a view cost: engine time, bytes scanned, Athena's estimated price, pruning. */
export function QueryStatsBar({ stats }: { stats: QueryStats }) {
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="query-stats">
      {stats.engine === "athena" ? "Athena" : "DuckDB"} · {stats.queries} {stats.queries === 1 ? "query" : "queries"} ·{" "}
      {stats.engineMs.toLocaleString()} ms engine time
      {stats.bytesScanned !== null ? ` · ${bytes(stats.bytesScanned)} scanned` : ""}
      {stats.estimatedCostUsd !== null ? ` · ≈ $${stats.estimatedCostUsd.toFixed(5)}` : ""}
      {stats.prunedByTime ? null : (
        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-800 dark:bg-amber-950 dark:text-amber-300">
          not pruned by time: this lookup reads every partition
        </span>
      )}
    </p>
  );
}
