import { z } from "zod";
import { text } from "./query-fields";

export const TRIAGE_STATUSES = ["new", "in_progress", "resolved", "suppressed"] as const;
export const TriageStatus = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatus>;

const Assignee = z.union([z.string().trim().email("Give the assignee's email address").max(254), z.literal(null)]);

export const TriageInput = z
  .object({
    status: TriageStatus.optional(),
    reason: text(500).optional(),
    assignee: Assignee.optional(),
    note: text(4000).optional(),
  })
  .strict()
  .refine((v) => v.status || v.assignee !== undefined || v.note, "Choose a status, an assignee or write a note")
  .refine((v) => v.status !== "suppressed" || v.reason, {
    message: "Say why this finding is suppressed",
    path: ["reason"],
  });
export type TriageInput = z.infer<typeof TriageInput>;

/** Most findings one bulk change may touch: a page of the findings list. */
export const BULK_TRIAGE_MAX = 200;

/** One change (status with its reason, and/or assignee) to several findings at once. */
export const BulkTriageInput = z
  .object({
    ids: z
      .array(z.string().trim().min(1).max(200))
      .min(1, "Select at least one finding")
      .max(BULK_TRIAGE_MAX, `Select at most ${BULK_TRIAGE_MAX} findings at a time`),
    status: TriageStatus.optional(),
    reason: text(500).optional(),
    assignee: Assignee.optional(),
  })
  .strict()
  .refine((v) => v.status || v.assignee !== undefined, "Choose a status or an assignee for the selected findings")
  .refine((v) => v.status !== "suppressed" || v.reason, {
    message: "Say why these findings are suppressed",
    path: ["reason"],
  });
export type BulkTriageInput = z.infer<typeof BulkTriageInput>;

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
  /** The reason recorded with the change (a status change's reason), if any. */
  reason?: string | null;
}
