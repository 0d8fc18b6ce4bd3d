/**
 * The string columns the CloudTrail bulk SQL reads straight from each record, by JSON path. Read
 * as text, a number or an object there would come out as DuckDB prints it, where the
 * normalizer's `str()` gives JavaScript's spelling or null; records holding one go record by
 * record.
 */
export const BULK_STRING_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  event_id: ["eventID"],
  event_version: ["eventVersion"],
  event_source: ["eventSource"],
  event_name: ["eventName"],
  event_type: ["eventType"],
  event_category: ["eventCategory"],
  aws_region: ["awsRegion"],
  source_ip_address: ["sourceIPAddress"],
  user_agent: ["userAgent"],
  error_code: ["errorCode"],
  error_message: ["errorMessage"],
  recipient_account_id: ["recipientAccountId"],
  shared_event_id: ["sharedEventID"],
  vpc_endpoint_id: ["vpcEndpointId"],
  request_id: ["requestID"],
  user_type: ["userIdentity", "type"],
  principal_id: ["userIdentity", "principalId"],
  user_arn: ["userIdentity", "arn"],
  user_account_id: ["userIdentity", "accountId"],
  access_key_id: ["userIdentity", "accessKeyId"],
  invoked_by: ["userIdentity", "invokedBy"],
  session_issuer_type: ["userIdentity", "sessionContext", "sessionIssuer", "type"],
  session_issuer_arn: ["userIdentity", "sessionContext", "sessionIssuer", "arn"],
  session_issuer_user_name: ["userIdentity", "sessionContext", "sessionIssuer", "userName"],
};
/** Also read as text: `user_name` falls back through it. */
export const BULK_USER_NAME_PATH = ["userIdentity", "userName"] as const;
const TEXT_PATHS = [...Object.values(BULK_STRING_COLUMNS), BULK_USER_NAME_PATH];
/** Their key names, checked wherever they occur (a superset: a nested key of the same name only costs speed). */
export const TEXT_KEYS = new Set(TEXT_PATHS.map((p) => p[p.length - 1] as string));

/** A parsed record with a number, object or array at one of the text paths. */
export function nonStringAtTextPath(rec: unknown): boolean {
  for (const p of TEXT_PATHS) {
    let v: unknown = rec;
    for (const k of p)
      v = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
    if (typeof v === "number" || (typeof v === "object" && v !== null)) return true;
  }
  return false;
}
