import { z } from "zod";

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
