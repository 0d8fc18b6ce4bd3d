import { z } from "zod";

export const INCIDENT_STATUSES = [
  "open",
  "awaiting_approval",
  "containing",
  "contained",
  "notified",
  "rejected",
  "expired",
  "failed",
  "releasing",
  "released",
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const IncidentsQuery = z
  .object({
    status: z.enum(INCIDENT_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const ReleaseInput = z
  .object({
    reason: z.string().trim().min(3, "say why the instance can be released").max(2000),
  })
  .strict();
export type ReleaseInput = z.infer<typeof ReleaseInput>;

export const SampleFindingsInput = z
  .object({
    count: z.coerce.number().int().min(1).max(5000).default(1),
    /** GuardDuty score 0.1–10 for every sample (default: a high 8.0). */
    severity: z.coerce.number().min(0.1).max(10).default(8),
    resourceType: z.enum(["Instance", "AccessKey"]).default("Instance"),
    /** Target one existing simulated instance (default: a new simulated instance per call). */
    instanceId: z
      .string()
      .regex(/^i-[0-9a-f]{8,17}$/)
      .optional(),
  })
  .strict();
export type SampleFindingsInput = z.infer<typeof SampleFindingsInput>;

export interface ProposedAction {
  action: string;
  target: string;
  detail: string;
}

export interface IncidentSummary {
  id: string;
  findingId: string;
  title: string;
  findingType: string;
  severity: number;
  severityVendor: number | null;
  resourceType: string;
  resourceId: string | null;
  accountId: string | null;
  region: string | null;
  status: IncidentStatus;
  simulated: boolean;
  findingCount: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentEventDto {
  id: number;
  at: string;
  kind: string;
  step: string;
  ok: boolean;
  actor: string;
  summary: string;
  detail: Record<string, unknown>;
}

export interface IncidentDetail {
  incident: IncidentSummary;
  finding: Record<string, unknown>;
  enrichment: Record<string, unknown> | null;
  proposed: ProposedAction[];
  originalState: Record<string, unknown> | null;
  timeline: IncidentEventDto[];
  /** Pending approvals for this incident (quarantine or release), by review id. */
  pendingReviews: { id: string; title: string }[];
  canRelease: boolean;
  /** Whether the caller may download collected evidence. */
  canDownloadEvidence: boolean;
}
