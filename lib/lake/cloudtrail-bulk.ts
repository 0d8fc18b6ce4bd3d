import { candidatesFor, type DetectionCandidates } from "@/lib/detections/evaluate-events";
import type { DetectionTuning } from "@/lib/detections/tuning";
import { nonStringAtTextPath, TEXT_KEYS } from "./cloudtrail-bulk-columns";
import { mayMatchDetection } from "./detections";
import { GrowableBytes } from "./growable-bytes";
import { IndicatorSet, type Indicators } from "./indicators";
import { isWs } from "./json-scanner";
import { normalizeCloudTrailRecord } from "./normalize/cloudtrail";
import { type RecordSpans, recordSpans } from "./record-spans";
import type { LakeRow } from "./tables";

/**
 * A CloudTrail document (`{"Records":[...]}`, as CloudTrail delivers it) made ready for a bulk
 * writer that derives the `cloudtrail` columns from each record's own JSON in one SQL pass (see
 * `lib/adapters/duckdb/cloudtrail-bulk.ts`), instead of parsing and normalizing every record here.
 *
 * What stays in TypeScript is what SQL cannot do as cheaply or exactly: the indicator scan (one
 * token grammar, `indicators.ts`) and the detections, which get the records they could match,
 * normalized by the ordinary `normalizeCloudTrailRecord`.
 */
export interface CloudTrailBulk {
  sourceKey: string;
  records: number;
  /**
   * Newline-delimited JSON (UTF-8 bytes), one line per record in file order:
   * `{"o":ordinal,"i":[ips],"a":[arns],"n":[instance ids],"k":[access keys],"c":[accounts],"r":record}`
   * where `record` is the record's text exactly as it was in the file. Built as bytes, record by
   * record, rather than as strings: no megabyte strings to join, flatten and encode again.
   */
  ndjson: Buffer;
  /** The normalized rows of every record a detection could match (a superset), for `detect`. */
  candidates: LakeRow[];
  /**
   * `YYYY-MM-DDTHH` when every record's `"eventTime":"` text starts with the same hour, so the
   * writer can skip partitioning (it still checks each row's time against it); else null.
   */
  hour: string | null;
}

/** A JSON list of strings that need no escaping (IPs, instance ids, access keys, account ids). */
const plainList = (values: string[]) => (values.length === 0 ? "[]" : `["${values.join('","')}"]`);

const HEAD = /^\s*\{\s*"Records"\s*:\s*\[/;
const EVENT_TIME = '"eventTime":"';
const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}$/;

/** Index of the `]` in a text ending `]` `}` (whitespace aside), else -1. */
function closingBracket(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && isWs(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) !== 125) return -1;
  i--;
  while (i >= 0 && isWs(text.charCodeAt(i))) i--;
  return text.charCodeAt(i) === 93 ? i : -1;
}

/**
 * Null when the text is not a CloudTrail document this path takes: anything but exactly one
 * top-level `Records` key, a record spread over lines (pretty-printed), JSON only lenient readers
 * accept, a number, object or array under a text field's key, or a candidate record the
 * normalizer rejects. The caller then uses the record-by-record path, which quarantines
 * with reasons; so does a bulk writer that finds a record it cannot read exactly like it.
 */
export function prepareCloudTrailBulk(
  sourceKey: string,
  text: string,
  tuning?: DetectionTuning,
): CloudTrailBulk | null {
  const spans = locateBulkRecords(text);
  if (!spans) return null;
  const wanted = candidatesFor(tuning);
  const candidates: LakeRow[] = [];
  // Each line is the record's text plus about 200 bytes of ordinal and indicators.
  const ndjson = new GrowableBytes(text.length + 256 * spans.starts.length);
  let hour: string | null = null;
  let oneHour = true;
  for (let i = 0; i < spans.starts.length; i++) {
    const recordText = text.slice(spans.starts[i], spans.ends[i]);
    if (oneHour) {
      const at = recordText.indexOf(EVENT_TIME);
      if (at === -1) oneHour = false;
      else if (hour === null) hour = recordText.slice(at + EVENT_TIME.length, at + EVENT_TIME.length + 13);
      else oneHour = recordText.startsWith(hour, at + EVENT_TIME.length);
    }
    const ind = recordIndicators(sourceKey, recordText, i, spans.escaped[i] === true, candidates, wanted);
    if (!ind) return null;
    ndjson.text(
      `{"o":${i},"i":${plainList(ind.any_ip)},"a":${JSON.stringify(ind.any_arn)},"n":${plainList(ind.any_instance_id)},"k":${plainList(ind.any_access_key_id)},"c":${plainList(ind.any_account_id)},"r":`,
    );
    ndjson.text(recordText);
    ndjson.text("}\n");
  }
  return {
    sourceKey,
    records: spans.starts.length,
    ndjson: ndjson.done(),
    candidates,
    hour: oneHour && hour !== null && HOUR.test(hour) ? hour : null,
  };
}

/** The records of a one-line document whose only key is `Records`, located strictly; else null. */
function locateBulkRecords(text: string): RecordSpans | null {
  const head = HEAD.exec(text);
  const close = closingBracket(text);
  if (!head || close === -1) return null;
  const open = head[0].length - 1;
  // Newlines may sit between tokens (pretty-printed), but the bulk path reads one record per line.
  const nl = text.indexOf("\n", open);
  const cr = text.indexOf("\r", open);
  if ((nl !== -1 && nl < close) || (cr !== -1 && cr < close)) return null;
  const spans = recordSpans(text, TEXT_KEYS);
  // DuckDB's reader also takes NaN/Infinity and trailing commas, which JSON.parse rejects: such
  // a document goes record by record, so both paths agree on what is JSON.
  if (!spans || spans.starts.length === 0 || spans.lenient || spans.nonString) return null;
  // `Records` must be the only key: its array is the one that closes the document.
  let after = spans.ends[spans.ends.length - 1] ?? 0;
  while (isWs(text.charCodeAt(after))) after++;
  return after === close ? spans : null;
}

/**
 * One record's indicator columns. A record a detection could match is normalized onto
 * `candidates`, and its indicators are the normalizer's. Null when the record must go the
 * record-by-record way.
 */
function recordIndicators(
  sourceKey: string,
  recordText: string,
  ordinal: number,
  escaped: boolean,
  candidates: LakeRow[],
  wanted: DetectionCandidates,
): Indicators | null {
  let scanned = recordText;
  let parsed: unknown;
  if (escaped) {
    // Escapes: read the record as JSON.stringify would write it, as the record-by-record path does.
    try {
      parsed = JSON.parse(recordText);
    } catch {
      return null;
    }
    scanned = JSON.stringify(parsed);
    // Escaped key names escape the text check; the parsed record cannot.
    if (nonStringAtTextPath(parsed)) return null;
  }
  if (mayMatchDetection(scanned, wanted)) {
    let row: LakeRow;
    try {
      row = normalizeCloudTrailRecord(
        parsed ?? JSON.parse(recordText),
        sourceKey,
        ordinal,
        escaped ? undefined : recordText,
      );
    } catch {
      return null;
    }
    candidates.push(row);
    return row as unknown as Indicators; // the normalizer's indicator columns
  }
  // Escape-free record text is valid JSON here (DuckDB rejects the object otherwise).
  return (escaped ? new IndicatorSet().scanText(scanned) : new IndicatorSet().scanJson(recordText)).toColumns();
}
