import type { LakeQueryEngine } from "./lake-query";

/**
 * Time arithmetic over instants (SQL expressions), spelled by each engine its fastest exact way:
 * DuckDB's time zone-aware operators on TIMESTAMPTZ are slow, its integer microseconds exact.
 */
export interface TimeSql {
  /** Seconds (with fraction) from `earlier` to `later`. */
  secondsBetween(later: string, earlier: string): string;
  /** 0-based index of the `seconds`-long period, counted from epoch second `start`, that `ts` falls in (an integer). */
  periodIndex(ts: string, start: string, seconds: string): string;
  /** The UTC date of an instant. */
  utcDate(ts: string): string;
  /** `later` is at most `minutes` (an SQL number) after `earlier`. */
  withinMinutes(later: string, earlier: string, minutes: string): string;
  /** `later` is at least `minutes` (an SQL number) after `earlier`. */
  atLeastMinutes(later: string, earlier: string, minutes: string): string;
}

/**
 * The columnar copy of the clickstream warehouse (Parquet by event day and hour): DuckDB over the
 * local files, Athena over the same files in S3. Queries are the warehouse's SQL with `?`
 * placeholders and `eventsSource` in place of the events table.
 */
export interface EventLakeQuery {
  readonly engine: LakeQueryEngine;
  /**
   * FROM-clause source of the copy's events with event day in [from, to] (yyyy-mm-dd); the
   * columns are the warehouse's (`event_timestamp` a UTC timestamp, `event_id` lowercase text).
   */
  eventsSource(days: { from: string; to: string }): string;
  /**
   * FROM-clause source of the per-session summary (`session-summary.ts`) of the sessions whose first
   * event is on the days [from, to]: stored where it matches the events, counted from them elsewhere.
   */
  sessionsSource(days: { from: string; to: string }): string;
  /** Aggregate: the group's first non-null `value` ordered by the `order` columns (ascending). */
  firstValue(value: string, order: readonly string[]): string;
  /** Aggregate: `value` (null or not) on the group's first row by `order` where `filter` holds. */
  valueAt(value: string, order: readonly string[], filter: string): string;
  /**
   * FROM-clause source of the identity map (client_id, user_id, merged_at, event_id): the copy's
   * `identities/identities.parquet`, or no rows with those columns when it has none yet.
   */
  identitiesSource(): string;
  readonly time: TimeSql;
}
