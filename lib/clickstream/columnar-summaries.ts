import path from "node:path";
import type { Queryable } from "@/lib/ports/database";
import { COMPACT_LOOKBACK_HOURS, listCopyFiles, withLocalCopies } from "./columnar-compaction";
import type { ColumnarCopy } from "./columnar-copy";
import { LATE_HOURS } from "./pending-objects";
import { computeSummaryTag, summaryDir, summaryInputDays, summaryKey } from "./session-summary";

/**
 * Writes the per-session summaries (`session-summary.ts`) at the end of each ETL run, under its
 * lease: every start day whose files (D-1, D, D+1) changed gets one for the files as the run leaves
 * them, so between runs (the copy changes only in runs) readers find every day summarized; a day
 * this run could not do is counted from its events meanwhile. Open days are summarized again as
 * they grow (a couple of seconds a day), merged days once more after the merge. Nothing here is a
 * record: a crash leaves at worst a summary no reader uses, which the next run replaces.
 */

/** Summaries written per run at most (a couple of seconds each at two million events a day). */
export const SUMMARIES_PER_RUN = 8;

/**
 * Writes one start day's summary from the files of the day before, the day and the next (as they are
 * after this run), unless it has one for them; a day without files has no sessions to summarize.
 */
async function summarizeDay(copy: ColumnarCopy, day: string): Promise<boolean> {
  const [before = [], own = [], next = []] = await Promise.all(
    summaryInputDays(day).map((d) => listCopyFiles(copy, `events/dt=${d}/`)),
  );
  if (own.length === 0) return false;
  const inputs = [...before, ...own, ...next];
  const key = summaryKey(day, computeSummaryTag(inputs));
  const existing = (await listCopyFiles(copy, summaryDir(day))).map((f) => f.key);
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
 * The summaries of the days with objects or merges within the late window and lookback. Returns how
 * many were written, and the problems (each day is tried again by the next run; readers count a day
 * without one from its events).
 */
export async function summarizeChangedDays(
  q: Queryable,
  copy: ColumnarCopy,
  now: number,
): Promise<{ written: number; problems: string[] }> {
  const problems: string[] = [];
  let written = 0;
  // The days this run's loads, repairs and merges may have changed, and the day before each (its
  // sessions may reach into them); the newest first, as reports read recent days most.
  const rows = await q.query<{ day: string }>(
    `SELECT DISTINCT split_part(p.part, '/', 1) AS day
     FROM clickstream_columnar_objects o CROSS JOIN LATERAL unnest(o.parts) AS p(part)
     WHERE o.hour >= $1::timestamptz - make_interval(hours => $2::int)
     UNION
     SELECT part FROM clickstream_columnar_compactions
     WHERE done_at IS NOT NULL AND closed_before >= $1::timestamptz - make_interval(hours => $2::int)`,
    [new Date(now - LATE_HOURS * 3_600_000).toISOString(), COMPACT_LOOKBACK_HOURS],
  );
  const days = [...new Set(rows.flatMap((r) => summaryInputDays(r.day.slice(3)).slice(0, 2)))].sort().reverse();
  for (const day of days) {
    if (written >= SUMMARIES_PER_RUN) break;
    try {
      if (await summarizeDay(copy, day)) written++;
    } catch (err) {
      problems.push(
        `summarizing the sessions of ${day} in the columnar copy: ${(err as Error).message} (tried again by the next run)`,
      );
    }
  }
  return { written, problems };
}
