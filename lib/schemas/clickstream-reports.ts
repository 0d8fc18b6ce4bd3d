import { z } from "zod";
import { checkDayRange, Day as day, inDateWindow } from "./common";

/** Longest range a clickstream report may cover, in days (a year and a bit, like the findings views). */
export const MAX_REPORT_DAYS = 400;
const inRange = checkDayRange(MAX_REPORT_DAYS);

/** Report ranges are whole UTC days with `to` inclusive; queries run over [from, nextDay(to)). */
export const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const PRODUCT_GROUPS = ["product", "category", "brand"] as const;
export const PRODUCT_SORTS = ["views", "carts", "checkouts", "purchases", "revenue", "conversion"] as const;

export const ProductReportQuery = z
  .object({
    from: day,
    to: day,
    groupBy: z.enum(PRODUCT_GROUPS).default("product"),
    category: z.string().trim().max(200).optional(),
    brand: z.string().trim().max(200).optional(),
    search: z.string().trim().max(200).optional(),
    sort: z.enum(PRODUCT_SORTS).default("views"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict()
  .superRefine(inRange);
export type ProductReportQuery = z.infer<typeof ProductReportQuery>;

export interface ProductReportRow {
  key: string;
  name: string | null;
  category: string | null;
  brand: string | null;
  views: number;
  carts: number;
  checkouts: number;
  purchases: number;
  revenue: number;
  viewToCart: number;
  cartToCheckout: number;
  checkoutToPurchase: number;
  conversion: number;
  discountConversion: number | null;
  fullPriceConversion: number | null;
}

export const OVERVIEW_UNITS = ["client", "session", "user"] as const;
export const OverviewQuery = z
  .object({ from: day, to: day, unit: z.enum(OVERVIEW_UNITS).default("session") })
  .strict()
  .superRefine(inRange);
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export interface OverviewPeriod {
  events: number;
  sessions: number;
  clients: number;
  users: number;
  firstVisitShare: number;
  loggedInShare: number;
}

export interface Overview {
  current: OverviewPeriod;
  previous: OverviewPeriod;
  perDay: { day: string; events: number; units: number }[];
  topEvents: { name: string; events: number }[];
  topCategories: { name: string; views: number; purchases: number }[];
  topBrands: { name: string; views: number; purchases: number }[];
  loginStates: { state: string; sessions: number }[];
  completeUpTo: string | null;
}

export const SaveFunnelBody = z
  .object({ name: z.string().trim().min(1).max(120), definition: z.record(z.string(), z.unknown()) })
  .strict();

/** `:id` of a saved funnel (a uuid; anything else is refused before it reaches the database). */
export const SavedFunnelParams = z.object({ id: z.string().uuid() }).strict();

export const RenameFunnelBody = z
  .object({
    name: z.string().trim().min(1, "Give the funnel a name.").max(120, "A funnel name is at most 120 characters."),
  })
  .strict();

export interface SavedFunnel {
  id: string;
  name: string;
  definition: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

export const SessionsQuery = z
  .object({
    from: day,
    to: day,
    /** Only sessions that reached this standard step. */
    reached: z.enum(["product_view", "add_to_cart", "checkout_start", "purchase"]).optional(),
    before: z
      .string()
      .datetime({ offset: true })
      .refine((s) => inDateWindow(Date.parse(s)), "is outside the dates reports cover")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine(inRange);
export type SessionsQuery = z.infer<typeof SessionsQuery>;

export interface SessionSummary {
  sessionId: string;
  clientId: string;
  startedAt: string;
  events: number;
  loginState: string | null;
  category: string | null;
  path: string[];
  /** The first user agent the session's events came with (device, browser, OS are read from it). */
  userAgent: string | null;
  /** The session's first event's referrer (where the visitor came from). */
  referrer: string | null;
  /** First to last event. */
  durationMs: number;
}

export interface SessionEvent {
  eventId: string;
  at: string;
  name: string;
  productId: string | null;
  productName: string | null;
  category: string | null;
  price: number | null;
  pageUrl: string | null;
  seq: number | null;
  referrer: string | null;
  userAgent: string | null;
}

/** A session's events, and the account its browser first signed in to (identity merge), if any. */
export interface SessionTimeline {
  events: SessionEvent[];
  identity: { userId: string; mergedAt: string } | null;
}

export const TopPathsQuery = z
  .object({ from: day, to: day, start: z.string().trim().min(1).max(64), end: z.string().trim().min(1).max(64) })
  .strict()
  .superRefine(inRange);
export type TopPathsQuery = z.infer<typeof TopPathsQuery>;
