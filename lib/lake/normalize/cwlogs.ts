import { IndicatorSet } from "../indicators";
import type { LakeRow } from "../tables";
import { isObj, type Sink, sample, str, toMillis } from "./types";

function row(
  group: string | null,
  stream: string | null,
  owner: string | null,
  filters: string[],
  ev: { id: string | null; ts: number; message: string },
  sourceKey: string,
  ordinal: number,
): LakeRow {
  const ind = new IndicatorSet();
  ind.scanString(ev.message);
  ind.account_id(owner);
  return {
    log_group: group,
    log_stream: stream,
    event_id: ev.id,
    event_time: ev.ts,
    message: ev.message,
    owner_account_id: owner,
    subscription_filters: filters,
    ...ind.toColumns(),
    source_key: sourceKey,
    source_ordinal: ordinal,
  };
}

/**
 * A CloudWatch Logs subscription payload (already base64-decoded and gunzipped): DATA_MESSAGE
 * events become rows; CONTROL_MESSAGE (the reachability check) is skipped.
 */
export function normalizeSubscriptionMessage(
  msg: unknown,
  position: string,
  sourceKey: string,
  sink: Sink,
  ordinal: { n: number },
): void {
  if (!isObj(msg)) {
    sink.quarantine(position, "subscription message is not an object", sample(msg));
    return;
  }
  if (msg.messageType === "CONTROL_MESSAGE") {
    sink.skip("cloudwatch control message");
    return;
  }
  if (msg.messageType !== "DATA_MESSAGE" || !Array.isArray(msg.logEvents)) {
    sink.quarantine(position, "not a DATA_MESSAGE with logEvents", sample(msg));
    return;
  }
  const filters = Array.isArray(msg.subscriptionFilters) ? msg.subscriptionFilters.map(String) : [];
  msg.logEvents.forEach((ev, i) => {
    const ts = isObj(ev) ? toMillis(ev.timestamp) : null;
    const message = isObj(ev) ? str(ev.message) : null;
    if (ts === null || message === null) {
      sink.quarantine(`${position}.logEvents[${i}]`, "log event needs a timestamp and a message", sample(ev));
      return;
    }
    sink.row(
      "cwlogs",
      row(
        str(msg.logGroup),
        str(msg.logStream),
        str(msg.owner),
        filters,
        { id: isObj(ev) ? str(ev.id) : null, ts, message },
        sourceKey,
        ordinal.n++,
      ),
    );
  });
}

const EXPORT_LINE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) (.*)$/s;

/**
 * A file written by CloudWatch Logs export (CreateExportTask): each line is an ISO timestamp,
 * a space and the message. Key layout: <prefix>/<taskId>/<logStream>/000000.gz.
 */
export function normalizeExportLines(lines: Iterable<string>, sourceKey: string, sink: Sink): void {
  const parts = sourceKey.split("/");
  const stream = parts.length >= 2 ? (parts[parts.length - 2] ?? null) : null;
  const group = parts.length >= 4 ? parts.slice(0, -3).join("/") || null : null;
  let lineNo = 0;
  let ordinal = 0;
  for (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const m = EXPORT_LINE.exec(line);
    const ts = m?.[1] ? Date.parse(m[1]) : Number.NaN;
    if (!m || Number.isNaN(ts)) {
      sink.quarantine(`line ${lineNo}`, "expected '<ISO timestamp> <message>'", line);
      continue;
    }
    sink.row("cwlogs", row(group, stream, null, [], { id: null, ts, message: m[2] ?? "" }, sourceKey, ordinal++));
  }
}
