import { IndicatorSet } from "../indicators";
import { type LakeRow, TABLES } from "../tables";
import type { Sink } from "./types";

/** The v2 default format, used when a file has no header line. */
export const DEFAULT_FLOW_FIELDS = [
  "version",
  "account-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
];

const INT_FIELDS = new Set(["version", "srcport", "dstport", "protocol", "tcp_flags", "traffic_path"]);
const BIGINT_FIELDS = new Set(["packets", "bytes"]);
// The flow fields we keep are exactly the vpcflow table's own columns (minus indicators/provenance).
const KNOWN = new Set(
  TABLES.vpcflow.columns.map((c) => c.name).filter((n) => !n.startsWith("any_") && !n.startsWith("source_")),
);

const columnOf = (field: string) => {
  const c = field.replace(/-/g, "_");
  return c === "start" ? "start_time" : c === "end" ? "end_time" : c;
};

export const isFlowHeader = (line: string) => /^version\s+\S/.test(line) || /^[a-z-]+( [a-z-]+){3,}$/.test(line.trim());

/**
 * VPC Flow Logs text (space-separated; header line names the fields for custom formats,
 * versions 2–5). `-` is a missing value. NODATA intervals are skipped (counted); SKIPDATA
 * rows are kept — they record that the capture lost flows.
 */
export function normalizeFlowLines(lines: Iterable<string>, sourceKey: string, sink: Sink): void {
  let fields = DEFAULT_FLOW_FIELDS.map(columnOf);
  let lineNo = 0;
  let ordinal = 0;
  let nodata = 0;
  for (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (!line) continue;
    if (lineNo === 1 && isFlowHeader(line)) {
      fields = line.split(/\s+/).map(columnOf);
      continue;
    }
    const values = line.split(" ");
    if (values.length !== fields.length) {
      sink.quarantine(`line ${lineNo}`, `expected ${fields.length} fields, found ${values.length}`, line);
      continue;
    }
    const row: LakeRow = {};
    for (const k of KNOWN) row[k] = null;
    let error: string | undefined;
    fields.forEach((f, i) => {
      const v = values[i] ?? "-";
      if (!KNOWN.has(f)) return;
      if (v === "-") row[f] = null;
      else if (f === "start_time" || f === "end_time") {
        const n = Number(v);
        if (!Number.isInteger(n)) error = `${f} is not epoch seconds: ${v}`;
        row[f] = n * 1000;
      } else if (INT_FIELDS.has(f) || BIGINT_FIELDS.has(f)) {
        const n = Number(v);
        if (!Number.isInteger(n)) error = `${f} is not an integer: ${v}`;
        row[f] = n;
      } else row[f] = v;
    });
    if (error) {
      sink.quarantine(`line ${lineNo}`, error, line);
      continue;
    }
    if (row.log_status === "NODATA") {
      nodata++;
      continue;
    }
    if (row.start_time === null) {
      sink.quarantine(`line ${lineNo}`, "start time missing", line);
      continue;
    }
    const ind = new IndicatorSet();
    for (const k of ["srcaddr", "dstaddr", "pkt_srcaddr", "pkt_dstaddr"]) if (row[k]) ind.scanString(String(row[k]));
    if (row.instance_id) ind.scanString(String(row.instance_id));
    ind.account_id(row.account_id);
    Object.assign(row, ind.toColumns(), { any_arn: [], source_key: sourceKey, source_ordinal: ordinal++ });
    sink.row("vpcflow", row);
  }
  if (nodata) sink.skip("vpc flow NODATA interval", nodata);
}
