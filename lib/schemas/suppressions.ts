import { z } from "zod";

/**
 * Patterns are literal text with `*` as "anything" (case-sensitive, like the values they match).
 * Messages are sentences for the person filling the form; `what` names the field in them.
 */
const pattern = (what: string, empty = `Give the ${what}, or * for any`) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(300, `Keep the ${what} to 300 characters`)
    .refine(
      (s) => s.replace(/\*/g, "").length >= 3 || s === "*",
      `The ${what} pattern is too broad: give at least 3 characters besides *`,
    );

export const SuppressionInput = z
  .object({
    findingType: pattern("finding type", "Give the finding type this rule hides, or * for every type"),
    resource: pattern("resource").optional(),
    principal: pattern("principal").optional(),
    reason: z.string().trim().min(1, "Say why these findings are hidden").max(500, "Keep the reason to 500 characters"),
    expiresAt: z
      .string()
      .refine(
        (s) => !Number.isNaN(Date.parse(s)) && Date.parse(s) > Date.now(),
        "The expiry date must be in the future",
      )
      .optional(),
  })
  .strict()
  .refine(
    (v) => v.findingType !== "*" || v.resource || v.principal,
    "A rule for every finding type needs a resource or a principal",
  );
export type SuppressionInput = z.infer<typeof SuppressionInput>;

/** The patterns of a rule not saved yet, to preview what it would hide (same checks as saving). */
export const SuppressionPreviewQuery = z
  .object({
    findingType: pattern("finding type", "Give the finding type this rule hides, or * for every type"),
    resource: pattern("resource").optional(),
    principal: pattern("principal").optional(),
  })
  .strict()
  .refine(
    (v) => v.findingType !== "*" || v.resource || v.principal,
    "A rule for every finding type needs a resource or a principal",
  );
export type SuppressionPreviewQuery = z.infer<typeof SuppressionPreviewQuery>;

/** What saving a rule would do, counted over the same findings and with the same matching as the rule. */
export interface SuppressionPreview {
  /** Current findings (last `days` days) the rule matches: what its "hides" count will show once saved. */
  matches: number;
  /** Of those, how many are open now (new, not hidden by another rule): they leave the open list. */
  open: number;
  days: number;
}

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
