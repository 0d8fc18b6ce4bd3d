import { z } from "zod";
import type { ActivityEvent } from "./activity";
import { TacticId } from "./attack";
import { Instant as instant, RangeEnd } from "./common";
import { RuleId } from "./detections";
import type { Facet, QueryStats } from "./lake-view";
import { list, regionName, text } from "./query-fields";
import { type TriageEvent, type TriageNote, TriageStatus } from "./triage";

export const FINDING_SORTS = ["last_seen", "severity"] as const;

export const FindingsQuery = z
  .object({
    severity: list(z.coerce.number().int().min(1).max(5)).optional(),
    /** Statuses to show; `all` (as on the findings page's URL) or none means every status. */
    status: list(z.union([TriageStatus, z.literal("all")]))
      .optional()
      .transform((v) => (v?.includes("all") ? undefined : v?.filter((s): s is TriageStatus => s !== "all"))),
    type: text(200).optional(),
    account: z
      .string()
      .trim()
      .regex(/^\d{12}$/, "12-digit account id")
      .optional(),
    region: regionName().optional(),
    resource: text(300).optional(),
    q: text(200).optional(),
    /** An ATT&CK tactic: Sightline findings of its rules and GuardDuty findings whose family maps to it. */
    tactic: TacticId.optional(),
    /** A Sightline rule id: that rule's findings (`finding_type` = `Sightline:<id>`). */
    rule: RuleId.optional(),
    /** ISO or yyyy-mm-dd (a day as `to` means its end); the window defaults to the last 7 days. */
    from: instant.optional(),
    to: RangeEnd.optional(),
    sort: z.enum(FINDING_SORTS).default("last_seen"),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type FindingsQuery = z.infer<typeof FindingsQuery>;

/** The parameters that make a filter (what a saved view keeps): every query key but the page's own. */
export const FINDING_FILTER_KEYS: readonly string[] = Object.keys(FindingsQuery.shape).filter(
  (k) => k !== "cursor" && k !== "limit",
);

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

export interface FindingsPage {
  items: FindingSummary[];
  nextCursor: string | null;
  /** How many findings match the filter (every page); null when only a page of items was asked for. */
  total: number | null;
  facets: { severity: Facet[]; type: Facet[]; account: Facet[]; region: Facet[] };
  timeline: { day: string; severity: number; count: number }[];
  window: { from: string; to: string };
  stats: QueryStats;
}

/** What detected a finding: a Sightline rule (with its runbook and, for a sequence, its steps) or GuardDuty's tactic. */
export interface FindingDetection {
  origin: "sightline" | "guardduty";
  ruleId: string | null;
  /** The rule's title when the catalog still has it. */
  ruleTitle: string | null;
  tactic: TacticId | null;
  techniques: string[];
  runbook: { check: string[]; contain: string[]; falsePositives: string[] } | null;
  steps: { step: number; title: string; eventId: string | null; eventName: string | null; at: string | null }[];
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
  detection: FindingDetection | null;
  stats: QueryStats;
}
