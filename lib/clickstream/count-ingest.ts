import type { Queryable } from "@/lib/ports/database";

export type IngestOutcome = {
  received: number;
  accepted: number;
  rejected: number;
  bots: number;
  rateLimited: number;
  refused: number;
};

/**
 * Counters kept in memory and written once a second (one upsert per hour), so the hot path does no
 * database write: ingest durability is the raw object, and these are statistics.
 */
export class IngestCounters {
  private pending = new Map<number, IngestOutcome & { batches: number }>();
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly db: () => Promise<Queryable>,
    private readonly everyMs = 1000,
  ) {}

  add(at: number, o: IngestOutcome) {
    const hour = Math.floor(at / 3_600_000) * 3_600_000;
    const cur = this.pending.get(hour) ?? {
      batches: 0,
      received: 0,
      accepted: 0,
      rejected: 0,
      bots: 0,
      rateLimited: 0,
      refused: 0,
    };
    cur.batches++;
    for (const k of ["received", "accepted", "rejected", "bots", "rateLimited", "refused"] as const) cur[k] += o[k];
    this.pending.set(hour, cur);
    this.timer ??= setTimeout(() => void this.flush(), this.everyMs);
    this.timer.unref?.();
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) return;
    const q = await this.db();
    for (const [hour, o] of batch) {
      await q
        .query(
          `INSERT INTO clickstream_ingest_hourly (hour, batches, received, accepted, rejected, bots, rate_limited, refused)
           VALUES (to_timestamp($1 / 1000.0), $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (hour) DO UPDATE SET batches = clickstream_ingest_hourly.batches + $2,
             received = clickstream_ingest_hourly.received + $3, accepted = clickstream_ingest_hourly.accepted + $4,
             rejected = clickstream_ingest_hourly.rejected + $5, bots = clickstream_ingest_hourly.bots + $6,
             rate_limited = clickstream_ingest_hourly.rate_limited + $7, refused = clickstream_ingest_hourly.refused + $8`,
          [hour, o.batches, o.received, o.accepted, o.rejected, o.bots, o.rateLimited, o.refused],
        )
        .catch((err: Error) => console.error("[collect] counters not written:", err.message));
    }
  }
}
