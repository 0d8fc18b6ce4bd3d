import { z } from "zod";
import { Instant as instant, RangeEnd } from "./common";
import type { Facet, QueryStats } from "./lake-view";
import { regionName, text } from "./query-fields";

/** One event on a timeline or among a finding's related activity, whichever source it came from. */
export interface ActivityEvent {
  eventId: string | null;
  time: string;
  source: "cloudtrail" | "vpcflow" | "finding";
  summary: string;
  principal: string | null;
  sourceIp: string | null;
  errorCode: string | null;
  region: string | null;
}

export const ENTITY_KINDS = ["ip", "arn", "instance", "access-key"] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

export const ActivityQuery = z
  .object({
    principal: text(300).optional(),
    eventName: text(200).optional(),
    eventSource: text(200).optional(),
    sourceIp: text(64).optional(),
    errorCode: text(200).optional(),
    region: regionName().optional(),
    from: instant.optional(),
    to: RangeEnd.optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export interface ActivityRow {
  eventId: string | null;
  time: string;
  eventSource: string;
  eventName: string;
  principal: string | null;
  userType: string | null;
  sourceIp: string | null;
  region: string | null;
  errorCode: string | null;
  requestParameters: unknown;
  responseElements: unknown;
}

export interface ActivityPage {
  items: ActivityRow[];
  nextCursor: string | null;
  topCallers: Facet[];
  topDenied: Facet[];
  window: { from: string; to: string };
  stats: QueryStats;
}

export interface EntityTimeline {
  kind: EntityKind;
  value: string;
  events: ActivityEvent[];
  window: { from: string; to: string };
  stats: QueryStats;
}
