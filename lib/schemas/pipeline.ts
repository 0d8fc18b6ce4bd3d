export interface PipelineStatus {
  ingest: {
    hour: string;
    batches: number;
    received: number;
    accepted: number;
    rejected: number;
    bots: number;
    rateLimited: number;
    refused: number;
  }[];
  runs: {
    id: number;
    trigger: string;
    status: string;
    startedAt: string;
    durationMs: number | null;
    objects: number;
    loaded: number;
    duplicates: number;
    quarantined: number;
    /** Objects this run could not load (retried by later runs, quarantined whole after a few tries). */
    failedObjects: number;
    error: string | null;
  }[];
  /** Raw objects whose load failed; `quarantinedAt` set once runs pass over them. */
  failedObjects: {
    objectKey: string;
    hour: string;
    size: number;
    attempts: number;
    lastError: string;
    lastFailedAt: string;
    quarantinedAt: string | null;
  }[];
  /** Every raw hour before this instant is fully loaded (null: nothing raw yet). */
  completeUpTo: string | null;
  pendingObjects: number;
  quarantine: { objectKey: string; line: number; reason: string; raw: string; at: string }[];
  /** Share of events missing in the warehouse by per-client sequence gaps (last 24 h). */
  lossRate: number | null;
}
