import { buildFinding } from "./detection-finding";
import { FAILED_LOGIN_BURST, parseJsonObject, RULES } from "./detection-rules";
import type { LakeRow } from "./tables";

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

const eventKey = (row: LakeRow) => String(row.event_id ?? `${row.source_key}#${row.source_ordinal}`);

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
    const req = parseJsonObject(row.request_parameters);
    const extra = parseJsonObject(row.additional_event_data);
    for (const rule of RULES) {
      if (rule.match?.(row, req, extra)) out.push(buildFinding(rule, [row], eventKey(row)));
    }
    if (row.event_name === "ConsoleLogin" && parseJsonObject(row.response_elements)?.ConsoleLogin === "Failure") {
      const key = `${row.user_name ?? row.user_arn ?? "?"}|${row.source_ip_address ?? "?"}`;
      failures.set(key, [...(failures.get(key) ?? []), row]);
    }
  }
  for (const [key, events] of failures) out.push(...detectFailedLoginBursts(key, events));
  return out;
}

const gapMs = (events: LakeRow[], from: number, to: number) =>
  Number(events[to]?.event_time) - Number(events[from]?.event_time);

/** One finding per burst of failed sign-ins for one actor and source (`key`). Sorts `events` by time. */
function detectFailedLoginBursts(key: string, events: LakeRow[]): LakeRow[] {
  const out: LakeRow[] = [];
  events.sort((a, b) => Number(a.event_time) - Number(b.event_time));
  let start = 0;
  for (let end = 0; end < events.length; end++) {
    while (gapMs(events, start, end) > FAILED_LOGIN_BURST.windowMs) start++;
    if (end - start + 1 >= FAILED_LOGIN_BURST.threshold) {
      // One finding per burst: extend the window while failures keep coming.
      let last = end;
      while (last + 1 < events.length && gapMs(events, last, last + 1) <= FAILED_LOGIN_BURST.windowMs) last++;
      const burst = events.slice(start, last + 1);
      out.push(buildFinding(FAILED_LOGIN_BURST, burst, `${key}|${burst[0]?.event_time}`));
      start = last + 1;
      end = last;
    }
  }
  return out;
}
