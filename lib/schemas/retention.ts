import { z } from "zod";
import { Day } from "./common";
import { EventMatch, type EventReportExplain, EventReportPath } from "./event-report";

/**
 * Retention, PostHog style: units grouped into cohorts by the period of their first cohort event,
 * then the share of each cohort that comes back (does the return event) 1, 2, … periods later.
 */

export const RETENTION_PERIODS = ["day", "week"] as const;
/** Who is counted: a browser, a signed-in user, or a person (a browser merged with the account it signed in to). */
export const REPORT_UNITS = ["client", "user", "person"] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];
/** Most periods a report may span: twelve weeks, or a month of days. */
export const MAX_RETENTION_PERIODS = { day: 31, week: 12 } as const;

export const RetentionQuery = z
  .object({
    period: z.enum(RETENTION_PERIODS).default("week"),
    /** How many periods, counting the first: cohorts start in each, and come back within them. */
    periods: z.number().int().min(2, "Choose at least 2 periods").default(8),
    /** The first period's first day (UTC); a weekly report starts on the Monday on or before it. */
    start: Day,
    unit: z.enum(REPORT_UNITS).default("client"),
    /** The first occurrence of this puts a unit in its cohort; any event when it names none. */
    cohortEvent: EventMatch.default({}),
    /** Doing this in a later period counts the unit as retained in it; any event when it names none. */
    returnEvent: EventMatch.default({}),
    path: EventReportPath.default("auto"),
  })
  .strict()
  .superRefine((q, ctx) => {
    const max = MAX_RETENTION_PERIODS[q.period];
    if (q.periods > max)
      ctx.addIssue({
        code: "custom",
        path: ["periods"],
        message: `A ${q.period === "week" ? "weekly" : "daily"} report covers at most ${max} ${q.period}s`,
      });
  });
export type RetentionQuery = z.infer<typeof RetentionQuery>;
export type RetentionQueryInput = z.input<typeof RetentionQuery>;

/**
 * One cohort's figure `offset` periods after its own: "complete" once that period has ended,
 * "in_progress" while it runs (the count so far), "not_started" before it begins (no count: not 0%).
 */
export interface RetentionCell {
  offset: number;
  count: number | null;
  /** Of the cohort's size, 0–1. */
  share: number | null;
  state: "complete" | "in_progress" | "not_started";
}

export interface RetentionCohort {
  /** The cohort's period start (yyyy-mm-dd, UTC). */
  start: string;
  size: number;
  /** Offsets 0 (the cohort itself) up to the last period of the report. */
  cells: RetentionCell[];
}

export interface RetentionResult {
  period: (typeof RETENTION_PERIODS)[number];
  unit: ReportUnit;
  /** The first period's start actually used (yyyy-mm-dd; a Monday for weeks). */
  start: string;
  periods: number;
  cohorts: RetentionCohort[];
  /**
   * Per offset, the share retained over every cohort whose period at that offset has ended,
   * weighted by cohort size (null when none has); `cohorts` says how many took part.
   */
  average: { offset: number; share: number | null; cohorts: number }[];
  explain: EventReportExplain & { cohortEvent: string; returnEvent: string };
}
