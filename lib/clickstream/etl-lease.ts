import type { Queryable } from "@/lib/ports/database";

/** How long a run's lease lasts if the process dies without releasing it. */
const LEASE = "15 minutes";

/** A holder name unique to this run (the process and a random suffix). */
export const createLeaseHolder = () => `${process.pid}-${Math.random().toString(36).slice(2)}`;

/** Takes the run lease unless another holder's is still running; true when taken. */
export async function takeEtlLease(q: Queryable, holder: string): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO clickstream_etl_lease (id, holder, until) VALUES (1, $1, now() + interval '${LEASE}')
     ON CONFLICT (id) DO UPDATE SET holder = $1, until = now() + interval '${LEASE}' WHERE clickstream_etl_lease.until < now()
     RETURNING holder`,
    [holder],
  );
  return rows.length > 0;
}

/**
 * Frees the lease at once: `-infinity`, not `now()`, since a run that starts within the same clock
 * step (PGlite's `now()` moves in milliseconds) would otherwise find `until < now()` false and skip.
 */
export async function releaseEtlLease(q: Queryable, holder: string): Promise<void> {
  await q.query("UPDATE clickstream_etl_lease SET until = '-infinity' WHERE holder = $1", [holder]);
}
