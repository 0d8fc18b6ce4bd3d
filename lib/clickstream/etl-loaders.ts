import type { Database, Queryable, Session } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import {
  type ColumnarCopy,
  keepFirstOccurrence,
  publishColumnarObject,
  type StagedCopy,
  stageColumnarObject,
} from "./columnar-copy";
import { markColumnarPublished, recordColumnarObject } from "./columnar-records";
import { recordObjectFailure } from "./object-failures";
import type { PendingObject } from "./pending-objects";
import { loadRawObject, type ParsedObject, readRawObject } from "./warehouse-load";
import type { EventSpan } from "./warehouse-rows";

/** Objects loaded at once on Postgres (each on its own connection). */
const ETL_LOADERS = 2;

/** What a run's loads add up to (the run record's counters). */
export interface EtlTotals {
  hours: number;
  objects: number;
  read: number;
  loaded: number;
  duplicates: number;
  quarantined: number;
  /** Objects whose load failed in this run (each is retried by later runs until quarantined). */
  failedObjects: number;
}

/**
 * Two loaders storing the same re-sent event id (a unique violation on COPY) or touching the same
 * rollup rows in opposite orders (a deadlock): the object's transaction is retried.
 */
async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== "40P01" && code !== "23505") || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 20 * i * Math.random()));
    }
  }
}

/**
 * One object into the warehouse in one transaction and, with a columnar copy, into its Parquet:
 * staged before the transaction (usually all its events are new), re-staged inside it when some
 * were not, recorded with the load, and published after the commit. A failed publish leaves the
 * record unpublished: the next run writes the files again (`repairColumnarCopy`).
 */
async function loadWithCopy(a: {
  tx: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  copy?: ColumnarCopy;
  item: PendingObject;
  o: ParsedObject;
  problems: string[];
  publishedBy: Queryable;
}): Promise<number> {
  const { copy, item, o } = a;
  if (!copy) return retryOnConflict(() => a.tx((tx) => loadRawObject(tx, item.hour, o)));
  const note = (err: Error): null => {
    a.problems.push(`columnar copy of ${item.key}: ${err.message} (written again by the next run)`);
    return null;
  };
  // The copy never holds the warehouse back: files that cannot be staged are written by the next run.
  let failure = new Error("its files could not be staged");
  let staged: StagedCopy | null = await stageColumnarObject(copy, item.key, keepFirstOccurrence(o.rows)).catch(
    (err: Error) => {
      failure = err;
      return null;
    },
  );
  const inserted = await retryOnConflict(() =>
    a.tx((tx) =>
      loadRawObject(tx, item.hour, o, async (t, rows) => {
        // What is on disk now: an attempt rolled back may have re-staged.
        staged = await recordColumnarObject(t, copy, { ...item, rows: o.rows }, staged, rows);
      }),
    ),
  );
  if (!staged) return note(failure) ?? inserted;
  try {
    await publishColumnarObject(copy, staged);
    await markColumnarPublished(a.publishedBy, item.key);
  } catch (err) {
    note(err as Error);
  }
  return inserted;
}

/**
 * Loads the queue, one transaction per object, adding to `total` and `problems`; returns the event
 * span of the objects that stored new rows (only meaningful when `total.loaded` grew).
 */
export async function loadPendingObjects(args: {
  db: Database;
  conn: Session;
  raw: ObjectStore;
  queue: readonly PendingObject[];
  total: EtlTotals;
  problems: string[];
  copy?: ColumnarCopy;
}): Promise<EventSpan> {
  const { db, conn, raw, queue, total, problems } = args;
  // Loaders on their own connections (one with the embedded engine, which has one session):
  // while one waits on the server another parses, and the server inserts on both cores.
  const loaders = db.kind === "postgres" ? ETL_LOADERS : 1;
  const inTransaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
    loaders > 1 ? db.transaction(fn) : conn.transaction(fn);
  let nextIndex = 0;
  const span = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
  const loader = async () => {
    for (let item = queue[nextIndex++]; item; item = queue[nextIndex++]) {
      // One object's failure (unreadable, refused by the database) never stops the others: it
      // is counted, retried by the next runs, and quarantined whole after MAX_OBJECT_ATTEMPTS.
      try {
        const o = await readRawObject(raw, item);
        const inserted = await loadWithCopy({
          ...args,
          tx: inTransaction,
          item,
          o,
          publishedBy: loaders > 1 ? db : conn,
        });
        if (inserted > 0 && o.span) {
          span.min = Math.min(span.min, o.span.min);
          span.max = Math.max(span.max, o.span.max);
        }
        total.objects++;
        total.read += o.lines;
        total.loaded += inserted;
        total.duplicates += o.rows.length - inserted;
        total.quarantined += o.bad.length;
      } catch (err) {
        total.failedObjects++;
        const error = (err as Error).message || String(err);
        const quarantined = await recordObjectFailure(loaders > 1 ? db : conn, { ...item, error });
        problems.push(`${item.key}: ${error}${quarantined ? " (quarantined after repeated failures)" : ""}`);
      }
    }
  };
  await Promise.all(Array.from({ length: loaders }, loader));
  return span;
}
