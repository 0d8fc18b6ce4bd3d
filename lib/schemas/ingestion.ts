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
