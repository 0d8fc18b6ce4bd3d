import { z } from "zod";

export const IngestionSource = z.object({
  source: z.string(),
  objects: z.number(),
  rows: z.number(),
  quarantined: z.number(),
  skipped: z.number(),
  errors: z.number(),
  lastProcessedAt: z.string().nullable(),
});
export const IngestionRun = z.object({
  id: z.number(),
  trigger: z.string(),
  status: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nullable(),
  objects: z.number(),
  unchanged: z.number(),
  rows: z.record(z.string(), z.number()),
  quarantined: z.number(),
  errors: z.number(),
});
export const QuarantineSample = z.object({
  sourceKey: z.string(),
  position: z.string(),
  reason: z.string(),
  sample: z.string(),
  processedAt: z.string(),
});
export const IngestionStatus = z.object({
  sources: z.array(IngestionSource),
  runs: z.array(IngestionRun),
  quarantine: z.array(QuarantineSample),
  failedObjects: z.array(z.object({ sourceKey: z.string(), error: z.string(), processedAt: z.string() })),
});
export type IngestionStatus = z.infer<typeof IngestionStatus>;

export type IngestionRun = z.infer<typeof IngestionRun>;

/** A run that found nothing new (the watcher polling files it already loaded). */
export const isIdleRun = (r: IngestionRun) => r.status === "succeeded" && r.objects === 0 && r.errors === 0;

/**
 * The run list as people want it: the runs that did something, and at most one line for the latest
 * check that found nothing new (with when the last new data arrived), instead of a row per poll.
 */
export function summarizeRuns(runs: readonly IngestionRun[]): {
  worked: IngestionRun[];
  idle: { checkedAt: string; alreadyLoaded: number; lastNewAt: string | null } | null;
} {
  const worked = runs.filter((r) => !isIdleRun(r));
  const latestIdle = runs.find(isIdleRun);
  const newest = worked[0];
  const idle =
    latestIdle && (!newest || latestIdle.id > newest.id)
      ? {
          checkedAt: latestIdle.startedAt,
          alreadyLoaded: latestIdle.unchanged,
          lastNewAt: worked.find((r) => r.objects > 0)?.startedAt ?? null,
        }
      : null;
  return { worked, idle };
}
