import { createHash } from "node:crypto";
import { SEVERITY_LABELS, type Severity } from "./severity";
import type { LakeRow } from "./tables";

/** A built-in detection over normalized CloudTrail rows. */
interface Rule {
  id: string;
  title: string;
  severity: Severity;
  explanation: string;
  /** Single-event rules. */
  match?: (row: LakeRow, req: Record<string, unknown> | null, extra: Record<string, unknown> | null) => boolean;
}

const parse = (v: unknown): Record<string, unknown> | null => {
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
  const policy = typeof doc === "string" ? parse(decodeURIComponentSafe(doc)) : doc;
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

export const RULES: Rule[] = [
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
      const resp = parse(r.response_elements);
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

/** Event names any rule can match (root use is matched on identity type instead). */
const CANDIDATE_EVENTS = new Set([
  "ConsoleLogin",
  "CreateAccessKey",
  "AuthorizeSecurityGroupIngress",
  "ModifySecurityGroupRules",
  "StopLogging",
  "DeleteTrail",
  "PutUserPolicy",
  "PutRolePolicy",
  "PutGroupPolicy",
  "CreatePolicy",
  "CreatePolicyVersion",
  "DeleteDetector",
  "DisassociateFromMasterAccount",
  "DisassociateFromAdministratorAccount",
  "StopMonitoringMembers",
  "UpdateDetector",
]);

/**
 * True when a record's JSON text may hold something a rule matches: an `eventName` key (at any
 * depth) whose value is a candidate event name, or a string value `"Root"` (the identity type). A
 * superset test on text free of escapes, so a bulk path only needs to parse and normalize the
 * records it picks. Anchored on the key, the search skips most of the text; testing every name
 * anywhere in the text cost twice as much.
 */
const DETECTION_HINT = /"eventName"\s*:\s*"([^"]*)"|"Root"/g;
export function mayMatchDetection(recordText: string): boolean {
  DETECTION_HINT.lastIndex = 0;
  for (let m = DETECTION_HINT.exec(recordText); m !== null; m = DETECTION_HINT.exec(recordText))
    if (m[1] === undefined || CANDIDATE_EVENTS.has(m[1])) return true;
  return false;
}

const findingId = (rule: string, key: string) =>
  `sl-${rule}-${createHash("sha256").update(`${rule}\n${key}`).digest("hex").slice(0, 24)}`;

function finding(
  rule: Pick<Rule, "id" | "title" | "severity" | "explanation">,
  events: LakeRow[],
  key: string,
): LakeRow {
  const first = events[0] as LakeRow;
  const times = events.map((e) => Number(e.event_time));
  const merged = {
    any_ip: new Set<string>(),
    any_arn: new Set<string>(),
    any_instance_id: new Set<string>(),
    any_access_key_id: new Set<string>(),
    any_account_id: new Set<string>(),
  };
  for (const e of events)
    for (const k of Object.keys(merged) as (keyof typeof merged)[])
      for (const v of (e[k] as string[]) ?? []) merged[k].add(v);
  return {
    finding_id: findingId(rule.id, key),
    origin: "sightline",
    finding_type: `Sightline:${rule.id}`,
    title: rule.title,
    description: `${rule.title}: ${first.event_name} by ${first.user_arn ?? first.user_name ?? "unknown principal"} from ${first.source_ip_address ?? "unknown source"}`,
    explanation: rule.explanation,
    severity_vendor: null,
    severity: rule.severity,
    severity_label: SEVERITY_LABELS[rule.severity],
    account_id: first.recipient_account_id ?? first.user_account_id ?? null,
    region: first.aws_region ?? null,
    resource_type: first.user_type === "Root" ? "Root" : "AwsPrincipal",
    resource_id: first.user_arn ?? first.user_name ?? null,
    principal: first.user_arn ?? first.user_name ?? null,
    first_seen: Math.min(...times),
    last_seen: Math.max(...times),
    updated_at: Math.max(...times),
    event_count: events.length,
    matched_event_ids: events.map((e) => String(e.event_id ?? `${e.source_key}#${e.source_ordinal}`)),
    detail: JSON.stringify({
      rule: rule.id,
      events: events.slice(0, 20).map((e) => ({
        event_id: e.event_id,
        event_name: e.event_name,
        event_time: e.event_time,
        source_ip_address: e.source_ip_address,
      })),
    }),
    any_ip: [...merged.any_ip],
    any_arn: [...merged.any_arn],
    any_instance_id: [...merged.any_instance_id],
    any_access_key_id: [...merged.any_access_key_id],
    any_account_id: [...merged.any_account_id],
    source_key: first.source_key ?? null,
    source_ordinal: first.source_ordinal ?? null,
  };
}

/**
 * Runs the built-in detections over the CloudTrail rows of one object. Finding ids are
 * deterministic (rule + event id, or rule + actor + window for bursts), so re-running
 * never duplicates. Bursts are found within one object's records.
 */
export function detect(rows: LakeRow[]): LakeRow[] {
  const out: LakeRow[] = [];
  const failures = new Map<string, LakeRow[]>();
  for (const row of rows) {
    // Cheap prefilter first: most events can match no rule, and parsing JSON text is the cost.
    const name = String(row.event_name);
    if (!CANDIDATE_EVENTS.has(name) && row.user_type !== "Root") continue;
    const req = parse(row.request_parameters);
    const extra = parse(row.additional_event_data);
    for (const rule of RULES) {
      if (rule.match?.(row, req, extra))
        out.push(finding(rule, [row], String(row.event_id ?? `${row.source_key}#${row.source_ordinal}`)));
    }
    if (row.event_name === "ConsoleLogin" && parse(row.response_elements)?.ConsoleLogin === "Failure") {
      const key = `${row.user_name ?? row.user_arn ?? "?"}|${row.source_ip_address ?? "?"}`;
      failures.set(key, [...(failures.get(key) ?? []), row]);
    }
  }
  for (const [key, events] of failures) {
    events.sort((a, b) => Number(a.event_time) - Number(b.event_time));
    let start = 0;
    for (let end = 0; end < events.length; end++) {
      while (Number(events[end]?.event_time) - Number(events[start]?.event_time) > FAILED_LOGIN_BURST.windowMs) start++;
      if (end - start + 1 >= FAILED_LOGIN_BURST.threshold) {
        // One finding per burst: extend the window while failures keep coming.
        let last = end;
        while (
          last + 1 < events.length &&
          Number(events[last + 1]?.event_time) - Number(events[last]?.event_time) <= FAILED_LOGIN_BURST.windowMs
        )
          last++;
        const burst = events.slice(start, last + 1);
        out.push(finding(FAILED_LOGIN_BURST, burst, `${key}|${burst[0]?.event_time}`));
        start = last + 1;
        end = last;
      }
    }
  }
  return out;
}
