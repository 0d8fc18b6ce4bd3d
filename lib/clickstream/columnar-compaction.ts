import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Queryable } from "@/lib/ports/database";
import type { ColumnarCopy } from "./columnar-copy";
import { LATE_HOURS } from "./pending-objects";

/**
 * Compaction of the columnar copy (`clickstream_columnar_compactions`, migration 020). The ETL writes
 * one file per raw object and hour, and DuckDB pays per file and per small row group (a day in one
 * file reads twice as fast as in 24: docs/performance.md). Once a day is closed (every object with
 * files in it is older than the late window, so no repair or late load touches them, and published),
 * its files are merged into one, `events/dt=…/hr=day/compact-….parquet`, sorted by session (`hr` is
 * where a file is stored; reports filter on event time). Exactly once, as for loads:
 * 1. the merged file is written to staging and its rows checked against the inputs';
 * 2. a row names the merged file and the files it replaces (committed before anything moves);
 * 3. the merged file is published, the inputs deleted, the row marked done.
 * A crash before 3 leaves the row unfinished: the next run (`finishColumnarCompactions`, under the
 * lease) deletes what is left of the inputs when the merged file is in the store, or drops the row
 * when it is not. A reader between publishing and deleting may see a day's events twice for
 * that moment; the stores never hold them twice once a run has finished.
 */

/** Days whose last object left the late window this long ago are still looked at (a stopped ETL catches up). */
export const COMPACT_LOOKBACK_HOURS = 14 * 24;
/** Days merged per run at most (the rest the next run). */
export const COMPACT_MAX_DAYS = 4;
/** The partition value of a merged day's file. */
export const COMPACTED_HOUR = "day";
/** The day partition (`dt=…`) of an hour partition (`dt=…/hr=…`). */
export const dayOfPart = (part: string) => part.split("/")[0] as string;
/** Merged files are ordered so a session's events are together (what funnels, paths and retention group by). */
export const COMPACT_ORDER = ["session_id", "event_timestamp", "event_id"] as const;

/** The copy's Parquet files under `prefix`, with their sizes. */
export async function listCopyFiles(copy: ColumnarCopy, prefix: string): Promise<{ key: string; size: number }[]> {
  const out: { key: string; size: number }[] = [];
  for await (const o of copy.store.list(prefix)) if (o.key.endsWith(".parquet")) out.push({ key: o.key, size: o.size });
  return out;
}

const listDay = async (copy: ColumnarCopy, day: string) =>
  (await listCopyFiles(copy, `events/${day}/`)).map((f) => f.key).sort();

/** Finishes or drops the compactions a crashed run left unfinished. Returns how many were finished. */
export async function finishColumnarCompactions(q: Queryable, copy: ColumnarCopy): Promise<number> {
  const open = await q.query<{ id: string; part: string; file_key: string; inputs: string[] }>(
    "SELECT id::text AS id, part, file_key, inputs FROM clickstream_columnar_compactions WHERE done_at IS NULL ORDER BY id",
  );
  let finished = 0;
  for (const c of open) {
    const present = new Set(await listDay(copy, c.part));
    if (!present.has(c.file_key)) {
      await q.query("DELETE FROM clickstream_columnar_compactions WHERE id = $1", [c.id]);
      continue;
    }
    const left = c.inputs.filter((k) => present.has(k));
    if (left.length) await copy.store.delete(left);
    await q.query("UPDATE clickstream_columnar_compactions SET done_at = now() WHERE id = $1", [c.id]);
    finished++;
  }
  return finished;
}

/**
 * The files merged away (`inputs` of finished compactions) on the days of these hour partitions: an
 * object whose file was merged is present, not lost.
 */
export async function listCompactedKeys(q: Queryable, parts: readonly string[]): Promise<Set<string>> {
  if (parts.length === 0) return new Set();
  const rows = await q.query<{ key: string }>(
    `SELECT DISTINCT unnest(inputs) AS key FROM clickstream_columnar_compactions
     WHERE done_at IS NOT NULL AND part = ANY($1::text[])`,
    [[...new Set(parts.map(dayOfPart))]],
  );
  return new Set(rows.map((r) => r.key));
}

/**
 * Closed days not merged since their last object: every object with files that day published and
 * older than `closedBefore`, the last of them within the lookback. One pass over the records.
 */
async function listDueDays(q: Queryable, closedBefore: Date): Promise<string[]> {
  const rows = await q.query<{ day: string }>(
    `WITH d AS (
       SELECT split_part(p.part, '/', 1) AS day, max(o.hour) AS last, bool_and(o.published_at IS NOT NULL) AS published
       FROM clickstream_columnar_objects o CROSS JOIN LATERAL unnest(o.parts) AS p(part)
       GROUP BY 1
     )
     SELECT d.day FROM d
     WHERE d.published AND d.last < $1::timestamptz AND d.last >= $1::timestamptz - make_interval(hours => $2::int)
       AND NOT EXISTS (
         SELECT 1 FROM clickstream_columnar_compactions k
         WHERE k.part = d.day AND k.done_at IS NOT NULL AND k.closed_before > d.last)
     ORDER BY d.day LIMIT $3`,
    [closedBefore.toISOString(), COMPACT_LOOKBACK_HOURS, COMPACT_MAX_DAYS],
  );
  return rows.map((r) => r.day);
}

/** Runs `fn` over local copies of the store's `keys`, in a staging directory of its own removed after. */
export async function withLocalCopies<T>(
  copy: ColumnarCopy,
  name: string,
  keys: readonly string[],
  fn: (locals: string[], dir: string) => Promise<T>,
): Promise<T> {
  const dir = path.join(copy.stagingDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    const locals = await Promise.all(
      keys.map(async (key, i) => {
        const local = path.join(dir, `${i}.parquet`);
        fs.writeFileSync(local, await copy.store.get(key));
        return local;
      }),
    );
    return await fn(locals, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Merges one day's files (or records that it has one); returns whether files were merged. */
async function compactDay(q: Queryable, copy: ColumnarCopy, day: string, closedBefore: Date): Promise<boolean> {
  const inputs = await listDay(copy, day);
  const record = (fileKey: string | null, replaced: readonly string[], rows: number, done: boolean) =>
    q.query<{ id: string }>(
      `INSERT INTO clickstream_columnar_compactions (part, file_key, inputs, rows, closed_before, done_at)
       VALUES ($1, $2, $3::text[], $4, $5, ${done ? "now()" : "NULL"}) RETURNING id::text AS id`,
      [day, fileKey, replaced, rows, closedBefore.toISOString()],
    );
  if (inputs.length <= 1) {
    await record(inputs[0] ?? null, [], 0, true);
    return false;
  }
  const digest = createHash("sha256").update(inputs.join("\n")).digest("hex").slice(0, 20);
  return withLocalCopies(copy, `compact-${digest}`, inputs, async (locals, dir) => {
    const merged = path.join(dir, "merged.parquet");
    const rows = await copy.writer.mergeFiles(locals, merged, COMPACT_ORDER);
    const fileKey = `events/${day}/hr=${COMPACTED_HOUR}/compact-${digest}.parquet`;
    const [row] = await record(fileKey, inputs, rows, false);
    await copy.store.putFile(fileKey, merged);
    await copy.store.delete(inputs);
    await q.query("UPDATE clickstream_columnar_compactions SET done_at = now() WHERE id = $1", [row?.id]);
    return true;
  });
}

/**
 * Merges the copy's closed days (under the ETL lease, after the run's loads). A day that fails keeps
 * its files and is tried again by the next run.
 */
export async function compactColumnarCopy(
  q: Queryable,
  copy: ColumnarCopy,
  now: number,
): Promise<{ merged: number; problems: string[] }> {
  const closedBefore = new Date(now - LATE_HOURS * 3_600_000);
  const problems: string[] = [];
  let merged = 0;
  const due = await listDueDays(q, closedBefore).catch((err: Error) => {
    problems.push(`finding the columnar copy's closed days: ${err.message} (tried again by the next run)`);
    return [];
  });
  for (const day of due) {
    try {
      if (await compactDay(q, copy, day, closedBefore)) merged++;
    } catch (err) {
      problems.push(`compacting the columnar copy's ${day}: ${(err as Error).message} (tried again by the next run)`);
    }
  }
  return { merged, problems };
}
