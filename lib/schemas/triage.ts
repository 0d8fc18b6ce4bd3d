import { z } from "zod";
import { text } from "./query-fields";

export const TRIAGE_STATUSES = ["new", "in_progress", "resolved", "suppressed"] as const;
export const TriageStatus = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatus>;

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
