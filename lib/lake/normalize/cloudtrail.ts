import { IndicatorSet } from "../indicators";
import { recordSpans } from "../record-spans";
import type { LakeRow } from "../tables";
import { bool, isObj, type Json, jsonText, type Sink, sample, str, toMillis } from "./types";

// sourceIPAddress is an IP, or the AWS service that acted (e.g. "ec2.amazonaws.com", "AWS Internal").
const isServiceSource = (ip: string | null) => ip !== null && !/^[\d.]+$/.test(ip) && !ip.includes(":");

/**
 * One CloudTrail record (as in `{"Records":[...]}`) → a `cloudtrail` row. Throws on unusable records.
 * `text`, when given, is the record's own JSON text as it appeared in the file, free of escapes
 * (see `recordSpans`): it then reads token for token like `JSON.stringify(rec)`, so indicators are
 * scanned from it instead of serializing the record again.
 */
export function normalizeCloudTrailRecord(rec: unknown, sourceKey: string, ordinal: number, text?: string): LakeRow {
  if (!isObj(rec)) throw new Error("record is not an object");
  const eventTime = toMillis(rec.eventTime);
  if (eventTime === null) throw new Error("eventTime missing or not a timestamp");
  const eventName = str(rec.eventName);
  const eventSource = str(rec.eventSource);
  if (!eventName || !eventSource) throw new Error("eventName or eventSource missing");

  const ui: Json = isObj(rec.userIdentity) ? rec.userIdentity : {};
  const sc: Json = isObj(ui.sessionContext) ? ui.sessionContext : {};
  const issuer: Json = isObj(sc.sessionIssuer) ? sc.sessionIssuer : {};
  const attrs: Json = isObj(sc.attributes) ? sc.attributes : {};
  const ip = str(rec.sourceIPAddress);

  const ind = text === undefined ? new IndicatorSet().scan(rec) : new IndicatorSet().scanJson(text);
  // As str() reads them: an account id that drifted to a JSON number still counts.
  ind.account_id(str(rec.recipientAccountId)).account_id(str(ui.accountId));

  return {
    event_id: str(rec.eventID),
    event_time: eventTime,
    event_version: str(rec.eventVersion),
    event_source: eventSource,
    event_name: eventName,
    event_type: str(rec.eventType),
    event_category: str(rec.eventCategory),
    aws_region: str(rec.awsRegion),
    source_ip_address: ip,
    source_ip_is_service: isServiceSource(ip),
    user_agent: str(rec.userAgent),
    error_code: str(rec.errorCode),
    error_message: str(rec.errorMessage),
    read_only: bool(rec.readOnly),
    management_event: bool(rec.managementEvent),
    recipient_account_id: str(rec.recipientAccountId),
    shared_event_id: str(rec.sharedEventID),
    vpc_endpoint_id: str(rec.vpcEndpointId),
    request_id: str(rec.requestID),
    user_type: str(ui.type),
    principal_id: str(ui.principalId),
    user_arn: str(ui.arn),
    user_account_id: str(ui.accountId),
    access_key_id: str(ui.accessKeyId),
    user_name: str(ui.userName) ?? str(issuer.userName) ?? (ui.type === "Root" ? "root" : null),
    session_issuer_type: str(issuer.type),
    session_issuer_arn: str(issuer.arn),
    session_issuer_user_name: str(issuer.userName),
    mfa_authenticated: bool(attrs.mfaAuthenticated),
    session_created_at: toMillis(attrs.creationDate),
    invoked_by: str(ui.invokedBy),
    // Variable-shape parts stay JSON text; the same key may be a number in one event and a string in another.
    request_parameters: jsonText(rec.requestParameters),
    response_elements: jsonText(rec.responseElements),
    additional_event_data: jsonText(rec.additionalEventData),
    resources: jsonText(rec.resources),
    service_event_details: jsonText(rec.serviceEventDetails),
    ...ind.toColumns(),
    source_key: sourceKey,
    source_ordinal: ordinal,
  };
}

/**
 * Feeds every record of a parsed CloudTrail document; bad records are quarantined one by one.
 * `source` is the document's text, when the records' spans in it are wanted for indicators.
 */
export function normalizeCloudTrailRecords(
  records: unknown[],
  sourceKey: string,
  sink: Sink,
  firstOrdinal = 0,
  source?: string,
): void {
  const spans = source === undefined ? null : recordSpans(source);
  const aligned = spans !== null && spans.starts.length === records.length;
  records.forEach((rec, i) => {
    const ordinal = firstOrdinal + i;
    const text = aligned && !spans.escaped[i] ? source?.slice(spans.starts[i], spans.ends[i]) : undefined;
    try {
      sink.row("cloudtrail", normalizeCloudTrailRecord(rec, sourceKey, ordinal, text));
    } catch (err) {
      sink.quarantine(`Records[${ordinal}]`, (err as Error).message, sample(rec));
    }
  });
}

/** Unwraps an EventBridge "AWS API Call via CloudTrail" event to its CloudTrail record. */
export const cloudTrailFromEventBridge = (ev: Json): unknown =>
  typeof ev["detail-type"] === "string" && isObj(ev.detail) ? ev.detail : ev;
