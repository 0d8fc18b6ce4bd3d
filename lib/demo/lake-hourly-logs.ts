import path from "node:path";
import { gzipSync } from "node:zlib";
import { flowLine, logEvent } from "./generate-network-logs";
import { type LakeRun, stamp, writeLakeFile, ymd } from "./lake-files";

const FLOW_HEADER =
  "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

type LogGroups = Map<string, { stream: string; events: { id: string; timestamp: number; message: string }[] }>;

/** Hour `h`'s VPC Flow Logs file (v2 default format with header), in one of the accounts. */
export function writeFlowLogHour(run: LakeRun, h: number) {
  const { r, w } = run;
  const t = run.start + h * 3600_000;
  const p = ymd(t);
  const flows = [FLOW_HEADER];
  const nf = Math.round((2000 * run.scale) / 24);
  for (let i = 0; i < nf; i++) flows.push(flowLine(r, w, t + (i * 3600_000) / nf));
  const acct = w.accounts[h % 2] as string;
  writeLakeFile(
    path.join(
      run.outDir,
      `AWSLogs/${acct}/vpcflowlogs/us-east-1/${p.y}/${p.m}/${p.d}/${acct}_vpcflowlogs_us-east-1_fl-0${r.hex(16)}_${stamp(t)}_${r.hex(8)}.log.gz`,
    ),
    gzipSync(`${flows.join("\n")}\n`),
  );
  run.totals.vpcflow += nf;
  run.totals.files++;
}

/** The hour's log events grouped by log group, each group with the stream of its first event. */
function groupLogEvents(run: LakeRun, t: number, nl: number): LogGroups {
  const byGroup: LogGroups = new Map();
  for (let i = 0; i < nl; i++) {
    const ev = logEvent(run.r, run.w, t + (i * 3600_000) / nl);
    const g = byGroup.get(ev.group) ?? { stream: ev.stream, events: [] };
    g.events.push({
      id: `${t}${i}`.padEnd(56, "0"),
      timestamp: Math.round(t + (i * 3600_000) / nl),
      message: ev.message,
    });
    byGroup.set(ev.group, g);
  }
  return byGroup;
}

/**
 * Hour `h`'s CloudWatch Logs subscription payloads as Firehose delivers them: a control message,
 * then one data message per log group, concatenated in one gzip object.
 */
export function writeCloudWatchHour(run: LakeRun, h: number) {
  const t = run.start + h * 3600_000;
  const p = ymd(t);
  const acct = run.w.accounts[h % 2] as string;
  const nl = Math.round((500 * run.scale) / 24);
  const payloads = [
    JSON.stringify({
      messageType: "CONTROL_MESSAGE",
      owner: "CloudwatchLogs",
      logGroup: "",
      logStream: "",
      subscriptionFilters: [],
      logEvents: [],
    }),
  ];
  for (const [group, g] of groupLogEvents(run, t, nl))
    payloads.push(
      JSON.stringify({
        messageType: "DATA_MESSAGE",
        owner: acct,
        logGroup: group,
        logStream: g.stream,
        subscriptionFilters: ["sightline"],
        logEvents: g.events,
      }),
    );
  writeLakeFile(
    path.join(run.outDir, `cwlogs/${p.y}/${p.m}/${p.d}/${p.h}/sightline-cwlogs-1-${stamp(t)}-${run.r.uuid()}.gz`),
    gzipSync(payloads.join("")),
  );
  run.totals.cwlogs += nl;
  run.totals.files++;
}
