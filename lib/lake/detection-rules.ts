import type { Severity } from "./severity";
import type { LakeRow } from "./tables";

/** A built-in detection over normalized CloudTrail rows. */
export interface DetectionRule {
  id: string;
  title: string;
  severity: Severity;
  explanation: string;
  /** Single-event rules. */
  match?: (row: LakeRow, req: Record<string, unknown> | null, extra: Record<string, unknown> | null) => boolean;
}

/** The object a JSON text column holds, or null (not a string, not JSON, or not an object). */
export const parseJsonObject = (v: unknown): Record<string, unknown> | null => {
  if (typeof v !== "string") return null;
  try {
    const o = JSON.parse(v);
    return typeof o === "object" && o !== null ? o : null;
  } catch {
    return null;
  }
};
const is = (row: LakeRow, source: string, ...names: string[]) =>
  row.event_source === source && names.includes(String(row.event_name));
const succeeded = (row: LakeRow) => row.error_code === null;

function grantsEverything(doc: unknown): boolean {
  const policy = typeof doc === "string" ? parseJsonObject(decodeURIComponentSafe(doc)) : doc;
  if (!policy || typeof policy !== "object") return false;
  const st = (policy as { Statement?: unknown }).Statement;
  const list = Array.isArray(st) ? st : st ? [st] : [];
  const hasStar = (v: unknown) => v === "*" || (Array.isArray(v) && v.includes("*"));
  return list.some(
    (s) =>
      s &&
      typeof s === "object" &&
      (s as Record<string, unknown>).Effect === "Allow" &&
      hasStar((s as Record<string, unknown>).Action) &&
      hasStar((s as Record<string, unknown>).Resource),
  );
}
function decodeURIComponentSafe(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function opensToWorld(req: Record<string, unknown> | null): boolean {
  const text = JSON.stringify(req ?? {});
  return /"cidrIp(?:v4)?":"0\.0\.0\.0\/0"/.test(text) || /"cidrIpv6":"::\/0"/.test(text);
}

export const RULES: DetectionRule[] = [
  {
    id: "root-account-use",
    title: "Root account used",
    severity: 4,
    explanation:
      "The account's root user made an API call or signed in. Root should be locked away; day-to-day work belongs to IAM roles.",
    match: (r) => r.user_type === "Root" && r.invoked_by === null && r.event_type !== "AwsServiceEvent",
  },
  {
    id: "console-login-without-mfa",
    title: "Console sign-in without MFA",
    severity: 3,
    explanation: 'A successful AWS console sign-in where additionalEventData.MFAUsed is "No".',
    match: (r, _req, extra) => {
      if (r.event_name !== "ConsoleLogin" || extra?.MFAUsed !== "No") return false;
      const resp = parseJsonObject(r.response_elements);
      return resp?.ConsoleLogin === "Success";
    },
  },
  {
    id: "access-key-for-another-user",
    title: "Access key created for another user",
    severity: 3,
    explanation: "CreateAccessKey named a userName other than the caller's own: a common persistence step.",
    match: (r, req) =>
      is(r, "iam.amazonaws.com", "CreateAccessKey") &&
      succeeded(r) &&
      typeof req?.userName === "string" &&
      req.userName !== r.user_name,
  },
  {
    id: "security-group-open-to-world",
    title: "Security group opened to the internet",
    severity: 4,
    explanation: "An ingress rule allowing 0.0.0.0/0 or ::/0 was added to a security group.",
    match: (r, req) =>
      is(r, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules") &&
      succeeded(r) &&
      opensToWorld(req),
  },
  {
    id: "cloudtrail-logging-stopped",
    title: "CloudTrail logging stopped or trail deleted",
    severity: 5,
    explanation: "StopLogging or DeleteTrail blinds every detection that depends on CloudTrail.",
    match: (r) => is(r, "cloudtrail.amazonaws.com", "StopLogging", "DeleteTrail") && succeeded(r),
  },
  {
    id: "iam-policy-allows-everything",
    title: "IAM policy grants *:*",
    severity: 5,
    explanation:
      'A policy with Effect Allow, Action "*" and Resource "*" was attached or created: full administrator access.',
    match: (r, req) =>
      is(
        r,
        "iam.amazonaws.com",
        "PutUserPolicy",
        "PutRolePolicy",
        "PutGroupPolicy",
        "CreatePolicy",
        "CreatePolicyVersion",
      ) &&
      succeeded(r) &&
      grantsEverything(req?.policyDocument),
  },
  {
    id: "guardduty-disabled",
    title: "GuardDuty disabled",
    severity: 4,
    explanation: "A GuardDuty detector was deleted or disabled, or the account left its GuardDuty administrator.",
    match: (r, req) =>
      r.event_source === "guardduty.amazonaws.com" &&
      succeeded(r) &&
      ([
        "DeleteDetector",
        "DisassociateFromMasterAccount",
        "DisassociateFromAdministratorAccount",
        "StopMonitoringMembers",
      ].includes(String(r.event_name)) ||
        (r.event_name === "UpdateDetector" && req?.enable === false)),
  },
];

export const FAILED_LOGIN_BURST = {
  id: "console-login-failure-burst",
  title: "Burst of failed console sign-ins",
  severity: 4 as Severity,
  explanation: "Five or more failed console sign-ins for one user name from one source within 10 minutes.",
  threshold: 5,
  windowMs: 10 * 60_000,
};
