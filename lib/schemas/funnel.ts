import { z } from "zod";
import { Instant as instant } from "./common";

export const FUNNEL_ORDERS = ["sequential", "strict", "any"] as const;
export const FUNNEL_UNITS = ["session", "client", "user"] as const;
export const FUNNEL_BREAKDOWNS = ["category", "brand", "login_state", "identity_source", "first_visit"] as const;

const name = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, "snake_case event name");
const value = z.string().trim().min(1).max(200);

export const FunnelStep = z
  .object({
    event: name,
    productId: value.optional(),
    category: value.optional(),
    brand: value.optional(),
    loginState: z.enum(["logged_in", "logged_out", "guest"]).optional(),
    firstVisit: z.boolean().optional(),
  })
  .strict();
export type FunnelStep = z.infer<typeof FunnelStep>;

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
    steps: z.array(FunnelStep).min(2).max(8),
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
    /**
     * Force a path (for comparison): "rollup" skips the standard-funnel cube, "raw" reads the events
     * in Postgres, "columnar" reads the columnar copy (Parquet) with DuckDB or Athena; otherwise the
     * cube, then the columnar copy when it holds every loaded object, then the session rollup.
     */
    path: z.enum(["auto", "rollup", "raw", "columnar"]).default("auto"),
  })
  .strict()
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: "`to` must be after `from`", path: ["to"] });
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
