import { createHash } from "node:crypto";
import { nextDay } from "@/lib/schemas/clickstream-reports";

/**
 * The copy's per-session summary (`sessions/dt=D/summary-v<version>-<tag>.parquet`): one row per
 * session whose first event falls on day D, built from the copy's events of D-1 (a session with
 * events then started then), D and D+1 (the tracker rotates sessions after 24 h, so that is all).
 * A funnel reads two million sessions instead of twenty million events (docs/performance.md). Columns:
 * - `session_id`, `client_id` (its smallest), `first_us`/`last_us` (first and last event, epoch µs),
 *   `events`, `pv` (the first product value, by time then event id, as funnels define it);
 * - `fn`/`ft`/`lt`: each event name the session has, with its first and last time (µs);
 * - `fk`/`fkt`: each (event name, product category) pair, keyed `name␟category`, with its first time;
 * - `seq`: the session's event names in (time, event id) order, immediate repeats collapsed (paths).
 *
 * Derived data, never a record: its `tag` is a digest of the event files it was built from (keys and
 * sizes). A reader uses a day's summary only when the tag matches the files there now, and counts
 * the other days from their events with the same definition, so a late file, a re-merge or a crash
 * mid-write makes a summary unused, never wrong.
 */

/** Bumped when the summary's columns or their meaning change (older files are then ignored). */
export const SUMMARY_VERSION = 2;
/** How reports say they read it (the explain line). */
export const SUMMARY_SOURCE =
  "the columnar copy's per-session summary (written by each ETL run for the days it changed; a day without one is counted from its events)";
/** Separates event name and category in `fk`. */
export const SUMMARY_KEY_SEPARATOR = "\u001f";

export interface ListedFile {
  key: string;
  size: number;
}

/** The digest of the event files a start day's summary reads (those of the day before, the day and the next). */
export function computeSummaryTag(files: readonly ListedFile[]): string {
  const lines = files
    .filter((f) => f.key.endsWith(".parquet"))
    .map((f) => `${f.key}\t${f.size}`)
    .sort();
  return createHash("sha256")
    .update(`v${SUMMARY_VERSION}\n${lines.join("\n")}`)
    .digest("hex")
    .slice(0, 20);
}

/** The start day's partition prefix (`dt=YYYY-MM-DD`) under `sessions/`. */
export const summaryDir = (day: string) => `sessions/dt=${day}/`;
/** Where the summary of start day `day` (yyyy-mm-dd) built from files with `tag` is stored. */
export const summaryKey = (day: string, tag: string) => `${summaryDir(day)}summary-v${SUMMARY_VERSION}-${tag}.parquet`;

/** The day before `day` (yyyy-mm-dd). */
export const dayBeforeOf = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** The days whose event files a start day's summary reads. */
export const summaryInputDays = (day: string) => [dayBeforeOf(day), day, nextDay(day)];
/** Epoch µs of a day's midnight (UTC), as an SQL integer literal. */
export const dayStartUs = (day: string) => `${Date.parse(`${day}T00:00:00Z`)}000`;
