import { z } from "zod";

/*
 * What each Task state of workflows/incident-response.asl.json and incident-release.asl.json
 * passes as its Lambda Payload. The state machine is the only caller, so a payload that does
 * not parse is a definition out of step with the code: the step refuses it, naming the field.
 */

/** The state's whole input, forwarded so a restarted engine can re-enter the waiting state. */
const StateInput = z.json();

/** The approval decision: `decide-review`'s task output, or the local engine's read of the task row. */
export const Approval = z.object({ decidedBy: z.string().nullish(), comment: z.string().nullish() });
export type Approval = z.infer<typeof Approval>;

/** A caught error as Step Functions puts it under `ResultPath` (`Cause` is often a JSON string). */
export const CaughtError = z.object({ Error: z.string().nullish(), Cause: z.unknown() });
export type CaughtError = z.infer<typeof CaughtError>;

/** The GuardDuty event the execution started with (see `FindingEvent`), plus the execution's id. */
export const OpenIncidentPayload = z.looseObject({
  detail: z.record(z.string(), z.unknown()),
  executionId: z.string().optional(),
});
export type OpenIncidentPayload = z.infer<typeof OpenIncidentPayload>;

/** Enrich, DetachFromAsg, ProtectInstance, SnapshotVolumes and StartCollection: the incident alone. */
export const IncidentPayload = z.object({ incidentId: z.string() });
export type IncidentPayload = z.infer<typeof IncidentPayload>;

/** RequestApproval: the callback token, the execution and the approval deadline. */
export const RequestApprovalPayload = z.object({
  taskToken: z.string(),
  executionId: z.string(),
  incidentId: z.string(),
  slaSeconds: z.number(),
  input: StateInput,
});
export type RequestApprovalPayload = z.infer<typeof RequestApprovalPayload>;

/** BeginContainment, DeactivateAccessKey and RestoreInstance: the incident and who approved. */
export const ApprovedPayload = z.object({ incidentId: z.string(), approval: Approval.optional() });
export type ApprovedPayload = z.infer<typeof ApprovedPayload>;

/** IsolateNetwork: BeginContainment's quarantine groups. */
export const IsolateNetworkPayload = z.object({
  incidentId: z.string(),
  groups: z.object({ transition: z.string(), isolation: z.string() }),
});
export type IsolateNetworkPayload = z.infer<typeof IsolateNetworkPayload>;

/** CheckCollection: the collection state so far, handed back with the poll counted. */
export const CheckCollectionPayload = z.object({
  incidentId: z.string(),
  collection: z.object({ commandId: z.string(), prefix: z.string(), polls: z.number() }).catchall(z.json()),
});
export type CheckCollectionPayload = z.infer<typeof CheckCollectionPayload>;

/** The outcome the response's Pass states set (Contained, Rejected, Expired, NoAutomaticAction). */
export const ResponseOutcome = z.object({
  status: z.enum(["contained", "rejected", "expired", "notified"]),
  reason: z.string().nullish(),
});
export type ResponseOutcome = z.infer<typeof ResponseOutcome>;

/** Notify and RecordOutcome. */
export const OutcomePayload = z.object({ incidentId: z.string(), outcome: ResponseOutcome });
export type OutcomePayload = z.infer<typeof OutcomePayload>;

/** RecordFailure: the Catch path, with the incident wherever the failing state had it. */
export const RecordFailurePayload = z.object({
  incidentId: z.string().nullish(),
  open: z.object({ incidentId: z.string().nullish() }).nullish(),
  error: CaughtError.optional(),
});
export type RecordFailurePayload = z.infer<typeof RecordFailurePayload>;

/** RequestRelease: the release request the `requestRelease` verb started the execution with. */
export const RequestReleasePayload = z.object({
  taskToken: z.string(),
  executionId: z.string(),
  incidentId: z.string(),
  requestedBy: z.string(),
  reason: z.string(),
  slaSeconds: z.number(),
  input: StateInput,
});
export type RequestReleasePayload = z.infer<typeof RequestReleasePayload>;

/** The outcome the release's Pass states set (Released, ReleaseRejected, ReleaseExpired). */
export const ReleaseOutcome = z.object({
  status: z.enum(["released", "release_rejected", "release_expired"]),
  reason: z.string().nullish(),
});
export type ReleaseOutcome = z.infer<typeof ReleaseOutcome>;

/** RecordRelease. */
export const RecordReleasePayload = z.object({ incidentId: z.string(), outcome: ReleaseOutcome });
export type RecordReleasePayload = z.infer<typeof RecordReleasePayload>;

/** RecordReleaseFailure: the release's Catch path. */
export const RecordReleaseFailurePayload = z.object({ incidentId: z.string(), error: CaughtError.optional() });
export type RecordReleaseFailurePayload = z.infer<typeof RecordReleaseFailurePayload>;

/**
 * The step's payload, parsed. A refusal is named `InvalidPayload` (the error type Step Functions
 * records) and says which state got what, field by field.
 */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown, state: string): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const message = `${state} got a payload it cannot use:\n${z.prettifyError(parsed.error)}`;
  throw Object.assign(new Error(message), { name: "InvalidPayload" });
}
