import type { ObjectResult } from "./process-object";
import type { TableName } from "./tables";

export interface RunSummary {
  runId: number;
  objects: number;
  unchanged: number;
  rows: Partial<Record<TableName, number>>;
  records: number;
  quarantined: number;
  skipped: Record<string, number>;
  errors: { key: string; message: string }[];
  durationMs: number;
}

export const newRunSummary = (runId: number): RunSummary => ({
  runId,
  objects: 0,
  unchanged: 0,
  rows: {},
  records: 0,
  quarantined: 0,
  skipped: {},
  errors: [],
  durationMs: 0,
});

const add = (into: Record<string, number>, from: Record<string, number | undefined>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v ?? 0);
};

/** Counts one processed object into its run's summary. */
export function countObject(summary: RunSummary, res: ObjectResult): void {
  summary.objects++;
  add(summary.rows, res.rows);
  summary.records += Object.values(res.rows).reduce((a, b) => a + (b ?? 0), 0);
  summary.quarantined += res.quarantined;
  add(summary.skipped, res.skipped);
}
