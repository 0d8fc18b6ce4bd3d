import { z } from "zod";

/**
 * Shared by reports over raw clickstream events (retention, trends): which engine answers, and how
 * the answer explains itself.
 */

/** "auto": the columnar copy when it holds every loaded object, else the warehouse; or one by name. */
export const EVENT_REPORT_PATHS = ["auto", "warehouse", "columnar"] as const;
export const EventReportPath = z.enum(EVENT_REPORT_PATHS);
export type EventReportPath = z.infer<typeof EventReportPath>;

export interface EventReportExplain {
  path: "warehouse" | "columnar";
  /** Why that engine answered, in words. */
  reason: string;
  sql: string;
  params: unknown[];
  ms: number;
  /** The instants events were read in, [from, to). */
  scanned: { from: string; to: string };
}

const eventName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, "must be an event name in snake_case, such as page_view");
const value = z.string().trim().min(1).max(200);

/** An event name in snake_case (`page_view`). */
export const EventName = eventName;

/**
 * Which events count: one event name (or any event when left out), narrowed by the same property
 * filters funnel steps take.
 */
export const EventMatch = z
  .object({
    event: eventName.optional(),
    productId: value.optional(),
    category: value.optional(),
    brand: value.optional(),
    loginState: z.enum(["logged_in", "logged_out", "guest"]).optional(),
    firstVisit: z.boolean().optional(),
  })
  .strict();
export type EventMatch = z.infer<typeof EventMatch>;

/** Days from `from` to `to` (yyyy-mm-dd), both counted. */
export const countDays = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
