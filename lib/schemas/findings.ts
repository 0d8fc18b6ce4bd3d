import { z } from "zod";
import { Instant as instant } from "./common";

export const TRIAGE_STATUSES = ["new", "in_progress", "resolved", "suppressed"] as const;
export const TriageStatus = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatus>;

const text = (max: number) => z.string().trim().min(1).max(max);
/** A query-string parameter that may repeat (`?severity=4&severity=5`). */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).max(20));

export const FINDING_SORTS = ["last_seen", "severity"] as const;

export const FindingsQuery = z
  .object({
    severity: list(z.coerce.number().int().min(1).max(5)).optional(),
    status: list(TriageStatus).optional(),
    type: text(200).optional(),
    account: z
      .string()
      .trim()
      .regex(/^\d{12}$/, "12-digit account id")
      .optional(),
    region: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,25}$/, "region name")
      .optional(),
    resource: text(300).optional(),
    q: text(200).optional(),
    /** ISO or yyyy-mm-dd; the window defaults to the last 7 days. */
    from: instant.optional(),
    to: instant.optional(),
    sort: z.enum(FINDING_SORTS).default("last_seen"),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type FindingsQuery = z.infer<typeof FindingsQuery>;

export const QueryStats = z.object({
  engine: z.enum(["duckdb", "athena"]),
  engineMs: z.number(),
  bytesScanned: z.number().nullable(),
  estimatedCostUsd: z.number().nullable(),
  prunedByTime: z.boolean(),
  queries: z.number(),
});
export type QueryStats = z.infer<typeof QueryStats>;

export const FindingSummary = z.object({
  findingId: z.string(),
  origin: z.string(),
  type: z.string(),
  title: z.string(),
  severity: z.number(),
  severityLabel: z.string(),
  accountId: z.string().nullable(),
  region: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  principal: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  count: z.number(),
  status: TriageStatus,
  assignee: z.string().nullable(),
  /** The suppression rule that hides this finding (when no analyst set its status). */
  suppressedBy: z.string().nullable(),
});
export type FindingSummary = z.infer<typeof FindingSummary>;

export interface Facet {
  value: string;
  count: number;
}

export interface FindingsPage {
  items: FindingSummary[];
  nextCursor: string | null;
  facets: { severity: Facet[]; type: Facet[]; account: Facet[]; region: Facet[] };
  timeline: { day: string; severity: number; count: number }[];
  window: { from: string; to: string };
  stats: QueryStats;
}

export const TriageInput = z
  .object({
    status: TriageStatus.optional(),
    reason: text(500).optional(),
    assignee: z.union([z.string().trim().email().max(254), z.literal(null)]).optional(),
    note: text(4000).optional(),
  })
  .strict()
  .refine((v) => v.status || v.assignee !== undefined || v.note, "nothing to change")
  .refine((v) => v.status !== "suppressed" || v.reason, { message: "suppressing needs a reason", path: ["reason"] });
export type TriageInput = z.infer<typeof TriageInput>;

export interface TriageNote {
  author: string;
  body: string;
  createdAt: string;
}
export interface TriageEvent {
  actor: string;
  action: string;
  at: string;
  detail: Record<string, unknown>;
}

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

export interface FindingDetail {
  finding: FindingSummary & {
    description: string | null;
    explanation: string | null;
    matchedEventIds: string[];
    indicators: { ip: string[]; arn: string[]; instance: string[]; accessKey: string[]; account: string[] };
    detail: unknown;
    raw: Record<string, unknown>;
    reason: string | null;
  };
  related: ActivityEvent[];
  notes: TriageNote[];
  history: TriageEvent[];
  /** The incident this finding opened or joined, if any. */
  incident: { id: string; status: string } | null;
  stats: QueryStats;
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
    region: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,25}$/, "region name")
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
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

/** Patterns are literal text with `*` as "anything" (case-sensitive, like the values they match). */
const pattern = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((s) => s.replace(/\*/g, "").length >= 3 || s === "*", "too broad: give at least 3 characters besides *");

export const SuppressionInput = z
  .object({
    findingType: pattern,
    resource: pattern.optional(),
    principal: pattern.optional(),
    reason: z.string().trim().min(1).max(500),
    expiresAt: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)) && Date.parse(s) > Date.now(), "must be a future date")
      .optional(),
  })
  .strict()
  .refine(
    (v) => v.findingType !== "*" || v.resource || v.principal,
    "a rule for every type needs a resource or principal",
  );
export type SuppressionInput = z.infer<typeof SuppressionInput>;

export interface SuppressionRule {
  id: string;
  findingType: string;
  resource: string | null;
  principal: string | null;
  reason: string;
  expiresAt: string | null;
  createdBy: string;
  createdAt: string;
  active: boolean;
  /** Findings (current, last 30 days) this rule hides; null when not counted. */
  hidden: number | null;
}
