import { z } from "zod";

/** What an applicant submits (form or API). */
export const ApplicationInput = z
  .object({
    name: z.string().trim().min(1, "required").max(200),
    address: z
      .object({
        line1: z.string().trim().min(1, "required").max(200),
        line2: z.string().trim().max(200).optional(),
        city: z.string().trim().min(1, "required").max(100),
        postcode: z.string().trim().min(1, "required").max(20),
        country: z.string().trim().toUpperCase().length(2, "ISO 3166-1 alpha-2 code, e.g. GB"),
      })
      .strict(),
    email: z.string().trim().toLowerCase().email().max(254).optional(),
    /** The submitting system's own id: re-submitting the same reference does not start a second review. */
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/** One validator's verdict, with each rule that flagged and why (the reviewer sees these). */
export interface Check {
  check: "name" | "address";
  flagged: boolean;
  rules: { rule: string; message: string }[];
}

const decisionFields = {
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(2000).optional(),
};
/** A rejection always says why (the reason becomes the workflow's failure cause). */
const rejectionHasComment: [
  (v: { decision: "approve" | "reject"; comment?: string }) => boolean,
  { message: string; path: string[] },
] = [
  (v) => v.decision === "approve" || (v.comment?.length ?? 0) > 0,
  { message: "a rejection needs a comment", path: ["comment"] },
];

export const DecisionInput = z
  .object(decisionFields)
  .strict()
  .refine(...rejectionHasComment);
export type DecisionInput = z.infer<typeof DecisionInput>;

export const REVIEW_STATUSES = ["pending", "approved", "rejected", "expired", "closed"] as const;
export const REVIEW_WORKFLOWS = ["application-review", "incident-response", "incident-release"] as const;
export const WORKFLOW_LABELS: Record<(typeof REVIEW_WORKFLOWS)[number], string> = {
  "application-review": "Application reviews",
  "incident-response": "Containment approvals",
  "incident-release": "Release approvals",
};

/** The team whose queue an item is in (Tasklist's candidate group); any reviewer may still act on it. */
export const REVIEW_GROUPS = ["compliance", "security-oncall"] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
export const GROUP_LABELS: Record<ReviewGroup, string> = {
  compliance: "Compliance",
  "security-oncall": "Security on-call",
};

/** A priority (0–100, 50 normal) in words. */
export const priorityLabel = (p: number) => (p >= 70 ? "High" : p >= 40 ? "Normal" : "Low");

export const REVIEW_SORTS = ["due", "priority", "age", "decided"] as const;

export const ReviewsQuery = z
  .object({
    status: z.enum(REVIEW_STATUSES).default("pending"),
    sort: z.enum(REVIEW_SORTS).default("due"),
    mine: z.enum(["true", "false"]).optional(),
    /** Who claimed the item: `me`, `none` (unclaimed) or an email address. */
    assignee: z.string().trim().toLowerCase().min(1).max(254).optional(),
    /** Only one candidate group's items. */
    group: z.enum(REVIEW_GROUPS).optional(),
    /** Only one workflow's items (application reviews, containment approvals, release approvals). */
    workflow: z.enum(REVIEW_WORKFLOWS).optional(),
  })
  .strict();
export type ReviewsQuery = z.infer<typeof ReviewsQuery>;

export interface ReviewSummary {
  id: string;
  workflow: string;
  title: string;
  subject: string;
  status: (typeof REVIEW_STATUSES)[number];
  reasons: { rule: string; message: string }[];
  submittedBy: string | null;
  claimedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  ageSeconds: number;
  /** 0–100; 50 is normal. */
  priority: number;
  candidateGroup: ReviewGroup;
}

export const BulkDecisionInput = z
  .object({ ids: z.array(z.string().min(1).max(200)).min(1).max(100), ...decisionFields })
  .strict()
  .refine(...rejectionHasComment);
export type BulkDecisionInput = z.infer<typeof BulkDecisionInput>;

export interface BulkDecisionResult {
  id: string;
  ok: boolean;
  status: number;
  code?: string;
  message?: string;
}
