import { z } from "zod";
import type { EventReportExplain } from "./event-report";
import { FunnelQuery } from "./funnel";

/** Properties compared between converters and non-converters (warehouse columns). */
export const CORRELATION_PROPERTIES = ["category", "brand", "login_state", "referrer"] as const;
export type CorrelationProperty = (typeof CORRELATION_PROPERTIES)[number];
/** Items shown per list, strongest first. */
export const CORRELATION_TOP = 20;

export const FunnelCorrelationQuery = z
  .object({
    funnel: FunnelQuery,
    /** Fewer units than this having an event or value: left out as noise. */
    minUnits: z.coerce
      .number()
      .int("The minimum number of units must be a whole number")
      .min(1, "The minimum number of units is at least 1")
      .max(10_000, "The minimum number of units is at most 10,000")
      .default(3),
  })
  .strict();
export type FunnelCorrelationQuery = z.infer<typeof FunnelCorrelationQuery>;
export type FunnelCorrelationQueryInput = z.input<typeof FunnelCorrelationQuery>;

export interface CorrelationItem {
  /** The event name, or the property (category, brand, …). */
  name: string;
  /** The property's value; null for an event. */
  value: string | null;
  /** Converters (units that reached the last step) who had it. */
  converters: number;
  nonConverters: number;
  /** Odds of converting with it against without it, with +½ in every cell (Haldane–Anscombe); > 1 success, < 1 failure. */
  oddsRatio: number;
  correlation: "success" | "failure";
}

export interface FunnelCorrelationResult {
  converters: number;
  nonConverters: number;
  minUnits: number;
  events: CorrelationItem[];
  properties: CorrelationItem[];
  explain: EventReportExplain;
}
