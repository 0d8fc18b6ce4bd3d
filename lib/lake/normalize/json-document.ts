import { splitJsonValues } from "../split-json";
import { cloudTrailFromEventBridge, normalizeCloudTrailRecord, normalizeCloudTrailRecords } from "./cloudtrail";
import { normalizeSubscriptionMessage } from "./cwlogs";
import { guardDutyToFinding, normalizeGuardDutyFinding } from "./guardduty";
import { isObj, type Sink, type SourceKind, sample } from "./types";

type JsonKind = "cloudtrail" | "cloudtrail-eb" | "guardduty" | "cwlogs";
function jsonKind(v: unknown): JsonKind | null {
  if (!isObj(v)) return null;
  const dt = v["detail-type"];
  if (dt === "GuardDuty Finding") return "guardduty";
  if (typeof dt === "string" && isObj(v.detail) && "eventSource" in v.detail) return "cloudtrail-eb";
  if ("messageType" in v && "logEvents" in v) return "cwlogs";
  if ("messageType" in v) return "cwlogs";
  if ("eventVersion" in v || ("eventSource" in v && "eventName" in v)) return "cloudtrail";
  // GuardDuty findings carry schemaVersion with a severity or a type (a record missing one is still GuardDuty's, and gets quarantined by the normalizer with the reason).
  if ("schemaVersion" in v && ("severity" in v || "type" in v)) return "guardduty";
  return null;
}

/**
 * Normalizes JSON text (trimmed at the start): CloudTrail's {"Records":[...]}, a JSON array, a
 * single event, or JSON lines / concatenated JSON, value by value.
 */
export function normalizeJsonDocument(head: string, key: string, sink: Sink): SourceKind {
  let doc: unknown;
  let whole = false;
  try {
    doc = JSON.parse(head);
    whole = true;
  } catch {
    /* not one document: JSON lines or concatenated JSON */
  }
  if (whole && isObj(doc) && Array.isArray(doc.Records)) {
    normalizeCloudTrailRecords(doc.Records, key, sink, 0, head);
    return "cloudtrail";
  }
  const values: Iterable<[string, string | unknown]> = whole
    ? Array.isArray(doc)
      ? doc.map((v, i) => [`[${i}]`, v] as [string, unknown])
      : [["object", doc]]
    : splitJsonValues(head);
  return normalizeJsonValues(values, !whole, key, sink);
}

interface Ordinals {
  cloudtrail: number;
  guardduty: number;
  cwlogs: { n: number };
}

function normalizeJsonValues(
  values: Iterable<[string, unknown]>,
  needsParse: boolean,
  key: string,
  sink: Sink,
): SourceKind {
  const kinds = new Set<SourceKind>();
  const ordinals: Ordinals = { cloudtrail: 0, guardduty: 0, cwlogs: { n: 0 } };
  for (const [position, raw] of values) {
    let v: unknown = raw;
    if (needsParse) {
      try {
        v = JSON.parse(raw as string);
      } catch (err) {
        sink.quarantine(position, `invalid JSON: ${(err as Error).message}`, sample(raw));
        continue;
      }
    }
    try {
      const kind = normalizeJsonValue(v, position, key, sink, ordinals);
      if (kind) kinds.add(kind);
    } catch (err) {
      sink.quarantine(position, (err as Error).message, sample(v));
    }
  }
  return kinds.size === 1 ? ([...kinds][0] as SourceKind) : kinds.size > 1 ? "mixed" : "unknown";
}

/** One parsed value into `sink`; what it was, or null when it was quarantined as unrecognized. Throws on unusable records. */
function normalizeJsonValue(v: unknown, position: string, key: string, sink: Sink, ordinals: Ordinals) {
  const kind = jsonKind(v);
  if (kind === "cloudtrail" || kind === "cloudtrail-eb") {
    const record = cloudTrailFromEventBridge(v as Record<string, unknown>);
    sink.row("cloudtrail", normalizeCloudTrailRecord(record, key, ordinals.cloudtrail++));
    return "cloudtrail";
  }
  if (kind === "guardduty") {
    const row = normalizeGuardDutyFinding(v, key, ordinals.guardduty++);
    sink.row("guardduty", row);
    sink.row("findings", guardDutyToFinding(row));
    return "guardduty";
  }
  if (kind === "cwlogs") {
    normalizeSubscriptionMessage(v, position, key, sink, ordinals.cwlogs);
    return "cwlogs";
  }
  sink.quarantine(position, "unrecognized record (not CloudTrail, GuardDuty or CloudWatch Logs)", sample(v));
  return null;
}
