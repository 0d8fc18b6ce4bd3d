import { z } from "zod";
import { Day } from "./common";
import { countDays, EventName, type EventReportExplain, EventReportPath } from "./event-report";

/** Events over time, PostHog style: one line per event (and breakdown value), against the period before. */

export const TREND_INTERVALS = ["hour", "day", "week"] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];
export const TREND_MEASURES = ["events", "clients", "sessions", "users", "persons"] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];
/** Properties the warehouse holds on every event that a trend may be split by. */
export const TREND_BREAKDOWNS = [
  "category",
  "brand",
  "login_state",
  "identity_source",
  "first_visit",
  "referrer_domain",
] as const;
export type TrendBreakdown = (typeof TREND_BREAKDOWNS)[number];
/** Longest range per interval, in days: a line of at most a few hundred points. */
export const MAX_TREND_DAYS: Record<TrendInterval, number> = { hour: 14, day: 92, week: 364 };
/** Breakdown values shown on their own; the rest are added up as "other". */
export const TREND_TOP_VALUES = 10;

export const TrendsQuery = z
  .object({
    events: z.array(EventName).min(1, "Choose at least one event").max(5, "Choose at most 5 events"),
    measure: z.enum(TREND_MEASURES).default("events"),
    interval: z.enum(TREND_INTERVALS).default("day"),
    /** First day (UTC); a weekly trend starts on the Monday on or before it. */
    from: Day,
    /** Last day, counted (UTC); a weekly trend ends on the Sunday on or after it. */
    to: Day,
    breakdown: z.enum(TREND_BREAKDOWNS).optional(),
    /** Also count the period of the same length just before. */
    compare: z.boolean().default(true),
    path: EventReportPath.default("auto"),
  })
  .strict()
  .superRefine((q, ctx) => {
    const days = countDays(q.from, q.to);
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must not be before the first" });
    else if (days > MAX_TREND_DAYS[q.interval])
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `By ${q.interval}, a trend covers at most ${MAX_TREND_DAYS[q.interval]} days; choose fewer days or a longer interval`,
      });
  });
export type TrendsQuery = z.infer<typeof TrendsQuery>;
export type TrendsQueryInput = z.input<typeof TrendsQuery>;

/** A point of the range: "partial" while it runs (the count so far), "future" before it begins (no value). */
export interface TrendBucket {
  offset: number;
  /** ISO instant the point starts at, and the matching point of the previous period. */
  start: string;
  previousStart: string;
  state: "complete" | "partial" | "future";
}

export interface TrendSeries {
  event: string;
  /** The breakdown value; null without a breakdown, and for "other". */
  value: string | null;
  /** Every value outside the top ten, counted together. */
  other: boolean;
  /** Per bucket; null for a bucket that has not begun. */
  current: (number | null)[];
  /** Per bucket of the previous period (null without a comparison). */
  previous: (number | null)[] | null;
  /** Over the whole range (unique counts are unique over the range, not summed). */
  total: number;
  previousTotal: number | null;
  /** (total − previous) / previous; null when there is no comparison or the previous is 0. */
  change: number | null;
}

export interface TrendsResult {
  interval: TrendInterval;
  measure: TrendMeasure;
  breakdown: TrendBreakdown | null;
  /** The range actually counted (yyyy-mm-dd, last day counted; whole weeks for a weekly trend). */
  from: string;
  to: string;
  previous: { from: string; to: string } | null;
  buckets: TrendBucket[];
  series: TrendSeries[];
  explain: EventReportExplain;
}
