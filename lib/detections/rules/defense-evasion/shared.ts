import { type TrailFixture, trailRecord } from "../../fixtures";
import type { CloudTrailRecord } from "../../rule";
import type { TrailEvent } from "../../trail-event";

/** A request parameter that was explicitly turned off (JSON false, or the text "false"). */
export const isOff = (v: unknown): boolean => v === false || v === "false";

/** A plain JSON object, or null. */
export const asObject = (v: unknown): Record<string, unknown> | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** A value as a list (a single value becomes a one-item list, absent an empty one). */
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The first non-empty string of a string or a list of strings, or null. */
export const firstText = (v: unknown): string | null => {
  const hit = asList(v).find((x) => typeof x === "string" && x !== "");
  return typeof hit === "string" ? hit : null;
};

/** The account id field of an ARN (`arn:partition:service:region:account:resource`), or null. */
export const arnAccount = (arn: string): string | null => {
  const parts = arn.split(":");
  return parts[0] === "arn" && parts.length >= 6 && /^\d{12}$/.test(parts[4] ?? "") ? (parts[4] ?? null) : null;
};

/**
 * The call was made by an AWS service for itself (a service principal or a service-linked role),
 * not by a person or a workload: e.g. Security Hub removing the Config rules of a control it turned off.
 */
export const byAwsService = (e: TrailEvent): boolean =>
  e.userType === "AWSService" || String(e.row.session_issuer_user_name ?? "").startsWith("AWSServiceRoleFor");

/** The call succeeded, was made from the named service, and not by an AWS service for itself. */
export const okFrom = (e: TrailEvent, ...sources: string[]): boolean =>
  e.ok && sources.includes(e.source) && !byAwsService(e);

/** One finding per acting principal per hour: for calls that come in batches (teardowns, scripts). */
export const perActorHourly = { key: (e: TrailEvent) => e.actor, windowMinutes: 60 };

/** A fixture record for one API call, the request parameters as CloudTrail records them. */
export const apiCall = (
  eventSource: string,
  eventName: string,
  requestParameters: Record<string, unknown> | null,
  more: Partial<TrailFixture> = {},
): CloudTrailRecord => trailRecord({ eventSource, eventName, requestParameters, ...more });

/** The error a refused call records, for near-miss fixtures. */
export const DENIED = {
  errorCode: "AccessDenied",
  errorMessage: "User is not authorized to perform this action",
} as const;
