import { z } from "zod";

export const STANDARD_EVENTS = [
  "page_view",
  "category_view",
  "product_view",
  "add_to_cart",
  "remove_from_cart",
  "checkout_start",
  "purchase",
] as const;

/**
 * Per-event limits: an event is small; a batch is at most this many events and bytes; a batch or a
 * raw line nests at most `depth` levels (an event has three), checked before parsing.
 */
export const LIMITS = { eventBytes: 8 * 1024, batchEvents: 100, batchBytes: 256 * 1024, depth: 8 } as const;
/** Events stamped further than this in the future are rejected (clock skew allowance). */
export const MAX_FUTURE_MS = 23 * 3600 * 1000;
/**
 * Events stamped further than this before they reached us are rejected: the tracker sends within
 * seconds and keeps unsent events for at most a day, so older ones are replays or broken clocks (and
 * a timestamp of 1 or year 1 would otherwise reach every report).
 */
export const MAX_PAST_MS = 7 * 86_400_000;

/** The event's time in epoch ms (`timestamp` or its synonym). */
export function eventTimeMs(e: Pick<ClickEvent, "timestamp" | "eventTimestamp">): number {
  const ts = e.timestamp ?? e.eventTimestamp;
  return typeof ts === "number" ? ts : Date.parse(ts as string);
}

/** Why an event's time is outside the accepted window around its receive time, or null. */
export function eventTimeProblem(ms: number, receivedAt: number): string | null {
  if (!Number.isFinite(ms)) return "timestamp is not a date";
  if (ms > receivedAt + MAX_FUTURE_MS) return "timestamp is more than 23 hours in the future";
  if (ms < receivedAt - MAX_PAST_MS) return "timestamp is more than 7 days before the event was received";
  return null;
}

const id = z.string().trim().min(1).max(128);
const text = (max: number) => z.string().max(max);
const money = z.coerce.number().finite().min(0).max(1e9);

export const ProductInfo = z
  .object({
    id: id,
    name: text(300).optional(),
    category: text(200).optional(),
    brand: text(200).optional(),
    price: money.optional(),
    discountPrice: money.optional(),
    urlPath: text(2000).optional(),
  })
  .strict();

/**
 * One event, as the tracker sends it. The seed's camelCase field set (eventName, eventId, userId,
 * userLoginState, identitySource, clientId, sessionId, isFirstVisit, pageUrl, referrer, product{…})
 * is accepted as is; `timestamp`/`eventTimestamp` and `seq`/`clientSeq` are synonyms.
 */
export const ClickEvent = z
  .object({
    eventId: z.string().uuid(),
    eventName: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[a-z][a-z0-9_]*$/, "snake_case event name"),
    timestamp: z.union([z.number().int().positive(), z.string().datetime({ offset: true })]).optional(),
    eventTimestamp: z.union([z.number().int().positive(), z.string().datetime({ offset: true })]).optional(),
    clientId: id,
    sessionId: id,
    seq: z.number().int().min(0).optional(),
    clientSeq: z.number().int().min(0).optional(),
    isFirstVisit: z.boolean().optional(),
    userId: id.nullable().optional(),
    userLoginState: z.enum(["logged_in", "logged_out", "guest"]).optional(),
    identitySource: text(64).nullable().optional(),
    pageUrl: text(2000).optional(),
    referrer: text(2000).nullable().optional(),
    product: ProductInfo.optional(),
  })
  .strict()
  .refine((e) => e.timestamp !== undefined || e.eventTimestamp !== undefined, "timestamp is required");
export type ClickEvent = z.infer<typeof ClickEvent>;

export const CollectBody = z.object({ events: z.array(z.unknown()).min(1).max(LIMITS.batchEvents) }).strict();

/** What the raw store holds per line: the event as accepted plus what the server adds. */
export interface RawEventLine {
  event: ClickEvent;
  receivedAt: number;
  ip: string | null;
  userAgent: string | null;
}

export interface CollectResult {
  accepted: number;
  rejected: { index: number; reason: string }[];
  bots: number;
  object: string | null;
}
