import type { Queryable } from "@/lib/ports/database";

export type IngestOutcome = {
  received: number;
  accepted: number;
  rejected: number;
  bots: number;
  rateLimited: number;
  refused: number;
};

/** Adds one batch's outcome to its receive hour's counters. */
export async function countIngest(q: Queryable, at: number, o: IngestOutcome): Promise<void> {
  await q.query(
    `INSERT INTO clickstream_ingest_hourly (hour, batches, received, accepted, rejected, bots, rate_limited, refused)
     VALUES (date_trunc('hour', to_timestamp($1 / 1000.0)), 1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (hour) DO UPDATE SET batches = clickstream_ingest_hourly.batches + 1,
       received = clickstream_ingest_hourly.received + $2, accepted = clickstream_ingest_hourly.accepted + $3,
       rejected = clickstream_ingest_hourly.rejected + $4, bots = clickstream_ingest_hourly.bots + $5,
       rate_limited = clickstream_ingest_hourly.rate_limited + $6, refused = clickstream_ingest_hourly.refused + $7`,
    [at, o.received, o.accepted, o.rejected, o.bots, o.rateLimited, o.refused],
  );
}
