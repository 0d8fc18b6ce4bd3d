/**
 * CloudTrail field names as Sigma rules write them (the record's own JSON names, dotted) → the
 * lake's `cloudtrail` columns, or paths into its JSON text columns. Every field reads as text:
 * boolean columns as 'true'/'false', JSON scalars as their text, so one matcher serves them all.
 */
import { SigmaUnsupported, type Sql } from "./types";

/** A Sigma field in lake terms: one or more text expressions; a value matches when it matches any. */
export interface MappedField {
  name: string;
  exprs: readonly Sql[];
}

const STRING_COLUMNS: Record<string, string> = {
  eventVersion: "event_version",
  eventID: "event_id",
  eventSource: "event_source",
  eventName: "event_name",
  eventType: "event_type",
  eventCategory: "event_category",
  awsRegion: "aws_region",
  sourceIPAddress: "source_ip_address",
  userAgent: "user_agent",
  errorCode: "error_code",
  errorMessage: "error_message",
  recipientAccountId: "recipient_account_id",
  sharedEventID: "shared_event_id",
  vpcEndpointId: "vpc_endpoint_id",
  requestID: "request_id",
  "userIdentity.type": "user_type",
  "userIdentity.principalId": "principal_id",
  "userIdentity.arn": "user_arn",
  "userIdentity.accountId": "user_account_id",
  "userIdentity.accessKeyId": "access_key_id",
  "userIdentity.invokedBy": "invoked_by",
  "userIdentity.sessionContext.sessionIssuer.type": "session_issuer_type",
  "userIdentity.sessionContext.sessionIssuer.arn": "session_issuer_arn",
  "userIdentity.sessionContext.sessionIssuer.userName": "session_issuer_user_name",
};

/** Stored as BOOLEAN (CloudTrail writes mfaAuthenticated as the string "true"/"false"). */
const BOOLEAN_COLUMNS: Record<string, string> = {
  readOnly: "read_only",
  managementEvent: "management_event",
  "userIdentity.sessionContext.attributes.mfaAuthenticated": "mfa_authenticated",
};

/** Variable-shape parts the lake keeps as JSON text. */
const JSON_COLUMNS: Record<string, string> = {
  requestParameters: "request_parameters",
  responseElements: "response_elements",
  additionalEventData: "additional_event_data",
  serviceEventDetails: "service_event_details",
  resources: "resources",
};

/**
 * `user_name` falls back to the session issuer's name (and "root" for the root user) when the
 * record has no `userIdentity.userName`; Sigma means the record's own field, so the fallback reads as absent.
 */
const USER_NAME: Sql = () =>
  "CASE WHEN user_name = session_issuer_user_name OR (user_type = 'Root' AND user_name = 'root') THEN NULL ELSE user_name END";

/** `resources.ARN` (any entry's ARN) looks at this many entries; CloudTrail lists a handful per event. */
export const RESOURCE_SLOTS = 10;

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INDEX = /^(0|[1-9][0-9]{0,3})$/;

/** `$.a.b[0].c` from `["a", "b", "0", "c"]`; only plain keys and indexes, so the path is the same text on both engines. */
function jsonPath(field: string, segments: readonly string[]): string {
  let out = "$";
  for (const s of segments) {
    if (INDEX.test(s)) out += `[${s}]`;
    else if (KEY.test(s)) out += `.${s}`;
    else
      throw new SigmaUnsupported(
        `field "${field}": the key "${s}" is not a plain name (letters, digits, _) or an index, so no portable JSON path reaches it`,
      );
  }
  return out;
}

function jsonField(name: string, column: string, rest: readonly string[]): MappedField {
  // The whole part: its JSON text, for `contains`-style matching.
  if (rest.length === 0) return { name, exprs: [() => column] };
  if (column === "resources" && !INDEX.test(rest[0] ?? "")) {
    const slots = Array.from({ length: RESOURCE_SLOTS }, (_, i) => jsonPath(name, [String(i), ...rest]));
    return { name, exprs: slots.map((p) => (d) => d.jsonText(column, p)) };
  }
  const path = jsonPath(name, rest);
  return { name, exprs: [(d) => d.jsonText(column, path)] };
}

/** The lake expression(s) of a Sigma CloudTrail field; a field the lake does not keep is unsupported, by name. */
export function mapCloudTrailField(name: string): MappedField {
  const column = STRING_COLUMNS[name];
  if (column) return { name, exprs: [() => column] };
  const flag = BOOLEAN_COLUMNS[name];
  if (flag) return { name, exprs: [() => `CAST(${flag} AS VARCHAR)`] };
  if (name === "userIdentity.userName") return { name, exprs: [USER_NAME] };
  const [root = "", ...rest] = name.split(".");
  const json = JSON_COLUMNS[root];
  if (json) return jsonField(name, json, rest);
  throw new SigmaUnsupported(`field "${name}" is not kept by the lake's cloudtrail table`);
}
