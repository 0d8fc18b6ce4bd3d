import { z } from "zod";
import type { AwsIpLookup } from "./aws-ip-ranges";
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
export const EntityKind = z.enum(ENTITY_KINDS, {
  error: "Choose what to look up: an IP address, an ARN, an instance id or an access key id",
});
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

/** The entity ids a CloudTrail record names (its indicator columns), for pivots. */
export interface ActivityResources {
  arn: string[];
  instance: string[];
  accessKey: string[];
}

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
  errorMessage: string | null;
  userAgent: string | null;
  /** Whether the session was MFA-authenticated (null when CloudTrail does not say). */
  mfaAuthenticated: boolean | null;
  sessionIssuer: { type: string | null; arn: string | null } | null;
  accessKeyId: string | null;
  /** The account the event was recorded in. */
  accountId: string | null;
  readOnly: boolean | null;
  resources: ActivityResources;
  requestParameters: unknown;
  responseElements: unknown;
}

/** Events per time bucket over the whole filtered result (not only the page shown). */
export interface ActivityHistogram {
  bucketMs: number;
  buckets: { start: string; count: number }[];
}

export interface ActivityPage {
  items: ActivityRow[];
  nextCursor: string | null;
  /** Every event the filter matches in the window. */
  total: number;
  histogram: ActivityHistogram;
  topCallers: Facet[];
  topDenied: Facet[];
  window: { from: string; to: string };
  stats: QueryStats;
}

/** What an entity page answers first: where and when it was seen, what it did, what fired about it. */
export interface EntitySummary {
  firstSeen: string | null;
  lastSeen: string | null;
  counts: { cloudtrail: number; vpcflow: number; finding: number };
  findingsBySeverity: { severity: number; count: number }[];
  /** The most severe related findings, then the most recent. */
  topFindings: { findingId: string; title: string; severity: number; lastSeen: string }[];
  accounts: Facet[];
  regions: Facet[];
  topCalls: { eventSource: string; eventName: string; count: number; errors: number }[];
}

export interface EntityTimeline {
  kind: EntityKind;
  value: string;
  summary: EntitySummary;
  /** For an IP: whether AWS publishes it as one of its own; null for other kinds. */
  aws: AwsIpLookup | null;
  events: ActivityEvent[];
  window: { from: string; to: string };
  stats: QueryStats;
}
