import { z } from "zod";

export const AuditQuery = z
  .object({
    action: z.string().trim().max(100).optional(),
    actor: z.string().trim().max(254).optional(),
    subject: z.string().trim().max(300).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditEntryDto {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  reason: string | null;
  executionId: string | null;
  detail: Record<string, unknown>;
}
