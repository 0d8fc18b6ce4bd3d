import { decodeBytes } from "./decode-bytes";
import { normalizeExportLines } from "./normalize/cwlogs";
import { normalizeJsonDocument } from "./normalize/json-document";
import { type Sink, type SourceKind, sample } from "./normalize/types";
import { isFlowHeader, normalizeFlowLines } from "./normalize/vpcflow";

const EXPORT_LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z /;
const FLOW_V2 = /^\d+ (\d{12}|-|unknown) \S+ \S+ \S+ /;

export const isCloudTrailDigest = (key: string) => /\/CloudTrail-Digest\//.test(key);

/**
 * Recognises one raw object (CloudTrail, GuardDuty, VPC Flow Logs, CloudWatch Logs, in the forms
 * AWS writes them) and normalizes it into `sink`. Never throws for bad content: what cannot be
 * read is quarantined with its position and reason. Returns what the object was. `decoded` is
 * the text of `bytes` when the caller has already decoded them.
 */
export function normalizeObject(key: string, bytes: Uint8Array, sink: Sink, decoded?: string): SourceKind {
  if (isCloudTrailDigest(key)) {
    sink.skip("cloudtrail digest file");
    return "digest";
  }
  let text: string;
  try {
    text = decoded ?? decodeBytes(bytes);
  } catch (err) {
    sink.quarantine(
      "object",
      `cannot decompress: ${(err as Error).message}`,
      Buffer.from(bytes.slice(0, 64)).toString("hex"),
    );
    return "unknown";
  }
  const head = text.trimStart();
  if (!head) {
    sink.skip("empty object");
    return "unknown";
  }
  if (head[0] === "{" || head[0] === "[") return normalizeJsonDocument(head, key, sink);
  return normalizeLineObject(text, key, sink);
}

/** A line-oriented object: VPC Flow Logs, or a CloudWatch Logs export. */
function normalizeLineObject(text: string, key: string, sink: Sink): SourceKind {
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? "";
  if (isFlowHeader(first) || FLOW_V2.test(first)) {
    normalizeFlowLines(lines, key, sink);
    return "vpcflow";
  }
  if (EXPORT_LINE.test(first)) {
    normalizeExportLines(lines, key, sink);
    return "cwlogs";
  }
  sink.quarantine(
    "object",
    "unrecognized format (not CloudTrail, GuardDuty, VPC Flow Logs or CloudWatch Logs)",
    sample(first, 200),
  );
  return "unknown";
}
