import { z } from "zod";
import { Instant as instant } from "./common";

export const FUNNEL_ORDERS = ["sequential", "strict", "any"] as const;
export const FUNNEL_UNITS = ["session", "client", "user", "person"] as const;
export const FUNNEL_ATTRIBUTIONS = ["first", "last", "step"] as const;
export const MAX_FUNNEL_STEPS = 32;
export const MAX_FUNNEL_EXCLUSIONS = 8;
export const FUNNEL_BREAKDOWNS = ["category", "brand", "login_state", "identity_source", "first_visit"] as const;

const name = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, "snake_case event name");
const value = z.string().trim().min(1).max(200);

const MAX_MINUTES = 30 * 1440;
const minutes = z
  .number()
  .int("A time between steps is a whole number of minutes")
  .min(0, "A time between steps cannot be negative")
  .max(MAX_MINUTES, "A time between steps can be at most 30 days");

/** Which events a step (or an exclusion) matches: an event name and optional filters. */
const eventFilters = {
  event: name,
  productId: value.optional(),
  category: value.optional(),
  brand: value.optional(),
  loginState: z.enum(["logged_in", "logged_out", "guest"]).optional(),
  firstVisit: z.boolean().optional(),
};

export const FunnelStep = z
  .object({
    ...eventFilters,
    /** Steps 2…n: at least / at most this long after the previous step. */
    minMinutesFromPrevious: minutes.optional(),
    maxMinutesFromPrevious: minutes.optional(),
  })
  .strict()
  .refine((s) => (s.minMinutesFromPrevious ?? 0) <= (s.maxMinutesFromPrevious ?? MAX_MINUTES), {
    message: "The shortest time from the previous step cannot be longer than the longest",
    path: ["maxMinutesFromPrevious"],
  });
export type FunnelStep = z.infer<typeof FunnelStep>;

/** Units with an `event` matching this between steps `fromStep` and `toStep` (1-based) are dropped. */
export const FunnelExclusion = z
  .object({
    ...eventFilters,
    event: z.string().trim().min(1, "Choose the event an exclusion leaves out").pipe(name),
    fromStep: z.number().int().min(1).max(MAX_FUNNEL_STEPS),
    toStep: z.number().int().min(2).max(MAX_FUNNEL_STEPS),
  })
  .strict();
export type FunnelExclusion = z.infer<typeof FunnelExclusion>;

/**
 * The standard purchase funnel: with a window of 30 or 60 minutes, sequential or any order, counted
 * by session over whole days, it is answered from a per-day cube the ETL keeps (instant on any range).
 */
export const STANDARD_FUNNEL_STEPS = [
  "page_view",
  "product_view",
  "add_to_cart",
  "checkout_start",
  "purchase",
] as const;
export const STANDARD_FUNNEL_WINDOWS = [30, 60] as const;

/** Longest range a funnel may cover (raw-event funnels: the UI says so instead of spinning). */
export const MAX_RAW_RANGE_DAYS = 31;

export const FunnelQuery = z
  .object({
    steps: z.array(FunnelStep).min(2).max(MAX_FUNNEL_STEPS),
    /** Conversion window, measured from the unit's step 1. */
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(30 * 1440),
    order: z.enum(FUNNEL_ORDERS).default("sequential"),
    unit: z.enum(FUNNEL_UNITS).default("session"),
    /** View → cart → purchase of the same product_id. */
    sameProduct: z.boolean().default(false),
    from: instant,
    to: instant,
    breakdown: z.enum(FUNNEL_BREAKDOWNS).optional(),
    /** Which step's event gives a unit its breakdown value (see run-funnel.ts). */
    attribution: z.enum(FUNNEL_ATTRIBUTIONS).default("first"),
    attributionStep: z.number().int().min(1).max(MAX_FUNNEL_STEPS).optional(),
    exclusions: z.array(FunnelExclusion).max(MAX_FUNNEL_EXCLUSIONS).default([]),
    /**
     * Force a path (for comparison): "rollup" skips the standard-funnel cube, "raw" reads the events
     * in Postgres, "columnar" reads the columnar copy (Parquet) with DuckDB or Athena; otherwise the
     * cube, then the columnar copy when it holds every loaded object, then the session rollup.
     */
    path: z.enum(["auto", "rollup", "raw", "columnar"]).default("auto"),
  })
  .strict()
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: "`to` must be after `from`", path: ["to"] })
  .superRefine((q, ctx) => {
    for (const [key, label] of [
      ["minMinutesFromPrevious", "shortest"],
      ["maxMinutesFromPrevious", "longest"],
    ] as const)
      if (q.steps[0]?.[key] !== undefined)
        ctx.addIssue({
          code: "custom",
          message: `Step 1 has no previous step, so it cannot have a ${label} time from one`,
          path: ["steps", 0, key],
        });
    q.exclusions.forEach((x, i) => {
      if (x.fromStep >= x.toStep)
        ctx.addIssue({
          code: "custom",
          message: `Exclusion ${i + 1} must start at an earlier step than it ends (step ${x.fromStep} to step ${x.toStep})`,
          path: ["exclusions", i, "toStep"],
        });
      if (x.toStep > q.steps.length)
        ctx.addIssue({
          code: "custom",
          message: `Exclusion ${i + 1} ends at step ${x.toStep}, but the funnel has ${q.steps.length} steps`,
          path: ["exclusions", i, "toStep"],
        });
    });
    if (q.attribution === "step" && q.attributionStep === undefined)
      ctx.addIssue({
        code: "custom",
        message: "Choose which step gives the breakdown value",
        path: ["attributionStep"],
      });
    if (q.attributionStep !== undefined && q.attributionStep > q.steps.length)
      ctx.addIssue({
        code: "custom",
        message: `The breakdown comes from step ${q.attributionStep}, but the funnel has ${q.steps.length} steps`,
        path: ["attributionStep"],
      });
  });
export type FunnelQuery = z.infer<typeof FunnelQuery>;
export type FunnelQueryInput = z.input<typeof FunnelQuery>;

export interface FunnelStepResult {
  step: number;
  event: string;
  /** Units that reached this step. */
  count: number;
  /** Of step 1's entrants. */
  conversion: number;
  /** Of the previous step's. */
  fromPrevious: number;
  /** Units that reached this step but not the next (0 for the last step). */
  dropOff: number;
  dropOffRate: number;
  /** Sum of the product value (discount price when there is one) of the units that dropped off here. */
  revenueLost: number;
  /** Median seconds from step 1 to this step, for units that reached it. */
  medianSeconds: number | null;
}

export interface FunnelResult {
  steps: FunnelStepResult[];
  /** Units dropped from the funnel because an exclusion event came between its steps. */
  excluded: number;
  breakdown: { value: string | null; counts: number[] }[];
  /** Seconds from step 1 to the last step for units that converted, in buckets. */
  timeToConvert: { bucket: string; count: number }[];
  overTime: { day: string; entrants: number; converted: number }[];
  explain: {
    path: "cube" | "rollup" | "raw" | "columnar";
    reason: string;
    unit: string;
    windowStart: string;
    order: string;
    timezone: "UTC";
    scanned: { from: string; to: string };
    sql: string;
    ms: number;
  };
}
