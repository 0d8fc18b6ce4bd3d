import path from "node:path";
import type { Queryable } from "@/lib/ports/database";
import { COMPACT_LOOKBACK_HOURS, withLocalCopies } from "./columnar-compaction";
import type { ColumnarCopy } from "./columnar-copy";
import { LATE_HOURS } from "./pending-objects";
import {
  computeSummaryTag,
  dayBeforeOf,
  type ListedFile,
  nextDayOf,
  summaryDir,
  summaryInputDays,
  summaryKey,
} from "./session-summary";

/**
 * Writes the per-session summaries (`session-summary.ts`) of merged days, after compaction, under
 * the ETL lease. A start day D gets one once D and D+1 are both closed (compaction has merged them),
 * from the files of D-1, D and D+1; a summary whose files changed since (a late event merged again)
 * is replaced by the next run and, until then, not read. Nothing here is a record: a crash leaves at
 * worst a summary no reader uses, which the next run replaces.
 */

/** Summaries written per run at most (a couple of seconds each at two million events a day). */
export const SUMMARIES_PER_RUN = 8;

async function listFiles(copy: ColumnarCopy, prefix: string): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  for await (const o of copy.store.list(prefix)) if (o.key.endsWith(".parquet")) out.push({ key: o.key, size: o.size });
  return out;
}

/**
 * Writes one start day's summary from the files of the day before, the day and the next, when each
 * holds just the file its last compaction left (a late file waits for its day to be merged again;
 * the day before may have none), unless it has one for them.
 */
async function summarizeDay(
  copy: ColumnarCopy,
  day: string,
  merged: ReadonlyMap<string, string | null>,
): Promise<boolean> {
  const [before = [], own = [], next = []] = await Promise.all(
    summaryInputDays(day).map((d) => listFiles(copy, `events/dt=${d}/`)),
  );
  const isMerged = (files: ListedFile[], d: string) => files.length === 1 && files[0]?.key === merged.get(d);
  if (!isMerged(own, day) || !isMerged(next, nextDayOf(day))) return false;
  if (before.length && !isMerged(before, dayBeforeOf(day))) return false;
  const inputs = [...before, ...own, ...next];
  const key = summaryKey(day, computeSummaryTag(inputs));
  const existing = (await listFiles(copy, summaryDir(day))).map((f) => f.key);
  if (existing.includes(key)) return false;
  const keys = inputs.map((f) => f.key);
  return withLocalCopies(copy, `summary-${day}`, keys, async (locals, dir) => {
    const file = path.join(dir, "summary.parquet");
    await copy.writer.summarizeSessions(locals, day, file);
    await copy.store.putFile(key, file);
    const stale = existing.filter((k) => k !== key);
    if (stale.length) await copy.store.delete(stale);
    return true;
  });
}

/**
 * The summaries of the days merged within the lookback (and of the day before each, whose sessions
 * may reach into it). Returns how many were written, and the problems (each day is tried again by
 * the next run; readers count a day without one from its events).
 */
export async function summarizeMergedDays(
  q: Queryable,
  copy: ColumnarCopy,
  now: number,
): Promise<{ written: number; problems: string[] }> {
  const problems: string[] = [];
  let written = 0;
  // Each merged day's file, as its last compaction left it.
  const rows = await q.query<{ part: string; file_key: string | null; recent: boolean }>(
    `SELECT DISTINCT ON (part) part, file_key,
       closed_before >= $1::timestamptz - make_interval(hours => $2::int) AS recent
     FROM clickstream_columnar_compactions WHERE done_at IS NOT NULL ORDER BY part, id DESC`,
    [new Date(now - LATE_HOURS * 3_600_000).toISOString(), COMPACT_LOOKBACK_HOURS],
  );
  const merged = new Map(rows.map((r) => [r.part.slice(3), r.file_key]));
  const closed = new Set(merged.keys());
  // A merged day's summary, and those of the days around it (they read its files).
  const days = [...new Set(rows.filter((r) => r.recent).flatMap((r) => summaryInputDays(r.part.slice(3))))]
    .filter((d) => closed.has(d) && closed.has(nextDayOf(d)))
    .sort();
  for (const day of days) {
    if (written >= SUMMARIES_PER_RUN) break;
    try {
      if (await summarizeDay(copy, day, merged)) written++;
    } catch (err) {
      problems.push(
        `summarizing the sessions of ${day} in the columnar copy: ${(err as Error).message} (tried again by the next run)`,
      );
    }
  }
  return { written, problems };
}
