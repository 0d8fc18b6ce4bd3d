import type { Database, Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { toStorableText } from "@/lib/schemas/common";
import { compactColumnarCopy } from "./columnar-compaction";
import type { ColumnarCopy } from "./columnar-copy";
import { repairColumnarCopy } from "./columnar-records";
import { summarizeChangedDays } from "./columnar-summaries";
import { createLeaseHolder, releaseEtlLease, takeEtlLease } from "./etl-lease";
import { type EtlTotals, loadPendingObjects } from "./etl-loaders";
import { getCubeDaysTouched, refreshFunnelCube } from "./funnel-cube";
import { writeIdentitySnapshot } from "./identity-map";
import { listPendingObjects } from "./pending-objects";
import type { EventSpan } from "./warehouse-rows";

export interface WarehouseRunSummary extends EtlTotals {
  runId: number | null;
  /** `partial`: some objects could not be loaded this time (retried next run, quarantined after a few tries). */
  status: "succeeded" | "partial" | "skipped";
}

const noTotals = (): EtlTotals => ({
  hours: 0,
  objects: 0,
  read: 0,
  loaded: 0,
  duplicates: 0,
  quarantined: 0,
  failedObjects: 0,
});
const SKIPPED: WarehouseRunSummary = { runId: null, status: "skipped", ...noTotals() };

async function startRun(q: Queryable, trigger: string): Promise<number> {
  const [run] = await q.query<{ id: string }>("INSERT INTO clickstream_runs (trigger) VALUES ($1) RETURNING id", [
    trigger,
  ]);
  return Number(run?.id);
}

async function finishRun(
  q: Queryable,
  runId: number,
  t0: number,
  total: EtlTotals,
  problems: string[],
): Promise<"succeeded" | "partial"> {
  const status = problems.length > 0 ? "partial" : "succeeded";
  await q.query(
    `UPDATE clickstream_runs SET status = $9, finished_at = now(), hours = $2, objects = $3, read = $4, loaded = $5,
           duplicates = $6, quarantined = $7, duration_ms = $8, failed_objects = $10, error = $11 WHERE id = $1`,
    [
      runId,
      total.hours,
      total.objects,
      total.read,
      total.loaded,
      total.duplicates,
      total.quarantined,
      Date.now() - t0,
      status,
      total.failedObjects,
      problems.length ? toStorableText(problems.join("\n")).slice(0, 4000) : null,
    ],
  );
  return status;
}

async function failRun(q: Queryable, runId: number, t0: number, err: unknown): Promise<void> {
  await q.query(
    "UPDATE clickstream_runs SET status = 'failed', finished_at = now(), error = $2, duration_ms = $3 WHERE id = $1",
    [runId, toStorableText((err as Error).message), Date.now() - t0],
  );
}

/**
 * The standard-funnel cube follows the session rollup for every day these events can touch.
 * If that fails, those days stay uncomputed (funnels answer from the rollup) and the run says so.
 */
async function refreshTouchedCube(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  span: EventSpan,
  problems: string[],
): Promise<void> {
  const days = getCubeDaysTouched(span.min, span.max);
  try {
    await refreshFunnelCube(db, days.fromDay, days.toDay);
  } catch (err) {
    problems.push(`funnel cube refresh ${days.fromDay}..${days.toDay}: ${(err as Error).message}`);
  }
}

/**
 * The hourly warehouse load. Under a lease (a second run skips), for every raw hour in the
 * last `LATE_HOURS` (by listing `events/`), loads the objects its load record does not list yet:
 * each line validated and transformed, rows bulk-inserted with `ON CONFLICT (event_id) DO NOTHING`,
 * bad lines quarantined with their reason, rollups updated, and the object recorded — one
 * transaction per object, so a crash re-loads at most that object, without duplicates. With `copy`,
 * the loaded events are also written as Parquet, exactly once (`columnar-copy.ts`): first the files
 * an earlier run committed but never published are written again, and the identity map is
 * written beside them when it changed; closed hours' files are merged (`columnar-compaction.ts`).
 */
export async function runWarehouseEtl(args: {
  db: Database;
  raw: ObjectStore;
  trigger: string;
  now?: number;
  copy?: ColumnarCopy;
}): Promise<WarehouseRunSummary> {
  const { db, raw } = args;
  const now = args.now ?? Date.now();
  return db.withSession(async (conn) => {
    const holder = createLeaseHolder();
    if (!(await takeEtlLease(conn, holder))) return { ...SKIPPED };
    if (db.kind === "postgres") await conn.query("SET jit = off");
    const t0 = Date.now();
    const runId = await startRun(conn, args.trigger);
    const total = noTotals();
    const problems: string[] = [];
    try {
      if (args.copy) problems.push(...(await repairColumnarCopy(conn, raw, args.copy, now)).problems);
      const pending = await listPendingObjects(conn, raw, now);
      total.hours = pending.hours;
      const span = await loadPendingObjects({ db, conn, raw, queue: pending.queue, total, problems, copy: args.copy });
      if (total.loaded > 0) await refreshTouchedCube(conn, span, problems);
      if (args.copy) {
        await writeIdentitySnapshot(conn, args.copy).catch((err: Error) => {
          problems.push(`identity map for the columnar copy: ${err.message}`);
        });
        problems.push(...(await compactColumnarCopy(conn, args.copy, now)).problems);
        problems.push(...(await summarizeChangedDays(conn, args.copy, now)).problems);
      }
      const status = await finishRun(conn, runId, t0, total, problems);
      return { runId, status, ...total };
    } catch (err) {
      await failRun(conn, runId, t0, err);
      throw err;
    } finally {
      await releaseEtlLease(conn, holder);
    }
  });
}
