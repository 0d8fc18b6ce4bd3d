import type { z } from "zod";
import { ActivityQuery } from "./activity";
import { EntityInput } from "./entities";

/** The sentence the server and the pages both use for a range whose start is after its end. */
export const REVERSED_RANGE = "The start date is after the end date";

const ZOD_DEFAULT = /^(Too small|Too big|Invalid|Unrecognized key|Expected)/;

/** One validator issue as a sentence about the field people know by `label`. */
function describeIssue(issue: z.core.$ZodIssue, labels: Record<string, string>): string {
  const key = String(issue.path[0] ?? "");
  const label = labels[key] ?? key;
  const own = !ZOD_DEFAULT.test(issue.message);
  if (own && /^[A-Z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "unrecognized_keys":
      return `This page has no setting called ${issue.keys.map((k) => `“${k}”`).join(", ")}`;
    case "too_small":
      return issue.origin === "string" ? `${label} is empty` : `${label} is below ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string"
        ? `${label} is too long (at most ${issue.maximum} characters)`
        : `${label} is above ${issue.maximum}`;
    case "invalid_value":
      return `${label} must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      return issue.input === undefined ? `${label} is missing` : `${label} is not valid`;
    case "invalid_format":
      return own ? `${label} is not a valid ${issue.message}` : `${label} is not in the expected form`;
    default:
      return own ? `${label} ${issue.message}` : `${label} is not valid`;
  }
}

/** The first issue of each field, as one paragraph of sentences. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], labels: Record<string, string>): string {
  const seen = new Set<string>();
  const first = issues.filter((i) => {
    const key = i.path.join(".");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return first.map((i) => `${describeIssue(i, labels)}.`).join(" ");
}

const reversed = (v: { from?: string; to?: string }) =>
  v.from !== undefined && v.to !== undefined && Date.parse(v.from) > Date.parse(v.to);

const RANGE_LABELS = { from: "The start date", to: "The end date" };

export const ACTIVITY_LABELS: Record<string, string> = {
  principal: "Principal",
  eventName: "Event name",
  eventSource: "Event source",
  sourceIp: "Source IP",
  errorCode: "Error code",
  region: "Region",
  cursor: "The page position",
  limit: "The page size",
  ...RANGE_LABELS,
};

/** Why an activity search in the URL cannot run, in people's words; null when it can. */
export function activitySearchProblem(query: Record<string, string>): string | null {
  const r = ActivityQuery.safeParse(query);
  if (!r.success) return describeIssues(r.error.issues, ACTIVITY_LABELS);
  return reversed(r.data) ? `${REVERSED_RANGE}.` : null;
}

/** Why an entity lookup in the URL cannot run, in people's words; null when it can. */
export function entityLookupProblem(query: Record<string, string>): string | null {
  const r = EntityInput.safeParse(query);
  if (!r.success) return describeIssues(r.error.issues, { kind: "Kind", value: "The value", ...RANGE_LABELS });
  return reversed(r.data) ? `${REVERSED_RANGE}.` : null;
}
