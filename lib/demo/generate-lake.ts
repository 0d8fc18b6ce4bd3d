import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { makeWorld, type World } from "./aws-world";
import { attackStory, normalEvent } from "./generate-cloudtrail";
import { flowLine, guardDutyFinding, logEvent } from "./generate-other";
import { Random } from "./random";

export interface GenerateOptions {
  outDir: string;
  days: number;
  /** Volume multiplier: scale 1 ≈ 2,000 CloudTrail events, 40 findings, 2,000 flows, 500 log events per day. */
  scale: number;
  seed?: number;
  /** End of the generated period (default: now, rounded down to the hour). */
  end?: number;
  /** Only CloudTrail (benchmarks). */
  cloudTrailOnly?: boolean;
  /** Records per CloudTrail file (default 500; AWS delivers roughly every 5 minutes). */
  recordsPerFile?: number;
  onFile?: (file: string, records: number) => void;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (t: number) => {
  const d = new Date(t);
  return {
    y: d.getUTCFullYear(),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
  };
};
const stamp = (t: number) => {
  const p = ymd(t);
  return `${p.y}${p.m}${p.d}T${p.h}${p.mi}Z`;
};

function write(file: string, body: string | Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
}

/**
 * Writes demo logs exactly as AWS lays them out in S3 (keys, gzip, formats) under `outDir`,
 * deterministically from `seed`. Returns counts per source.
 */
export function generateLake(opts: GenerateOptions): {
  cloudtrail: number;
  guardduty: number;
  vpcflow: number;
  cwlogs: number;
  files: number;
} {
  const r = new Random(opts.seed ?? 7);
  const w: World = makeWorld(opts.seed ?? 42);
  const end = opts.end ?? Math.floor(Date.now() / 3600_000) * 3600_000;
  const start = end - opts.days * 86_400_000;
  const perFile = opts.recordsPerFile ?? 500;
  const totals = { cloudtrail: 0, guardduty: 0, vpcflow: 0, cwlogs: 0, files: 0 };

  // CloudTrail: per account/region files in time order; attack stories sprinkled in.
  const ctCount = Math.round(2000 * opts.scale * opts.days);
  const files = Math.max(1, Math.ceil(ctCount / perFile));
  const span = (end - start) / files;
  let story = 0;
  for (let f = 0; f < files; f++) {
    const account = w.accounts[f % w.accounts.length] as string;
    const region = w.regions[Math.floor(f / w.accounts.length) % w.regions.length] as string;
    const t0 = start + f * span;
    const n = Math.min(perFile, ctCount - f * perFile);
    const records: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) records.push(normalEvent(r, w, t0 + (i * span) / n));
    if (!opts.cloudTrailOnly && r.chance(Math.min(1, (8 * opts.days) / files)))
      records.push(...attackStory(r, w, t0 + span / 2, story++));
    const p = ymd(t0);
    const file = path.join(
      opts.outDir,
      `AWSLogs/${account}/CloudTrail/${region}/${p.y}/${p.m}/${p.d}/${account}_CloudTrail_${region}_${stamp(t0)}_${r.upper(16)}.json.gz`,
    );
    write(file, gzipSync(JSON.stringify({ Records: records }), { level: 6 }));
    totals.cloudtrail += records.length;
    totals.files++;
    opts.onFile?.(file, records.length);
  }
  if (opts.cloudTrailOnly) return totals;

  // GuardDuty: hourly export files; a third of findings repeat later with a higher count.
  const repeats: { id: string; first: number; count: number }[] = [];
  for (let h = 0; h < opts.days * 24; h++) {
    const t = start + h * 3600_000;
    const lines: string[] = [];
    const n = Math.max(0, Math.round((40 * opts.scale) / 24 + (r.next() - 0.5)));
    for (let i = 0; i < n; i++) {
      const rep = repeats.length && r.chance(0.3) ? r.pick(repeats) : undefined;
      if (rep) rep.count += r.int(1, 5);
      const f = guardDutyFinding(
        r,
        w,
        t + r.int(0, 3599_000),
        rep ? { id: rep.id, count: rep.count, firstSeen: rep.first } : {},
      );
      if (!rep && r.chance(0.3)) repeats.push({ id: String(f.id), first: Date.parse(String(f.createdAt)), count: 1 });
      lines.push(JSON.stringify(f));
    }
    if (!lines.length) continue;
    const p = ymd(t);
    write(
      path.join(opts.outDir, `AWSLogs/${w.accounts[0]}/GuardDuty/us-east-1/${p.y}/${p.m}/${p.d}/${r.uuid()}.jsonl.gz`),
      gzipSync(`${lines.join("\n")}\n`),
    );
    totals.guardduty += lines.length;
    totals.files++;
  }

  // VPC Flow Logs (v2 default with header) and CloudWatch Logs subscription payloads, hourly.
  for (let h = 0; h < opts.days * 24; h++) {
    const t = start + h * 3600_000;
    const p = ymd(t);
    const flows = [
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status",
    ];
    const nf = Math.round((2000 * opts.scale) / 24);
    for (let i = 0; i < nf; i++) flows.push(flowLine(r, w, t + (i * 3600_000) / nf));
    const acct = w.accounts[h % 2] as string;
    write(
      path.join(
        opts.outDir,
        `AWSLogs/${acct}/vpcflowlogs/us-east-1/${p.y}/${p.m}/${p.d}/${acct}_vpcflowlogs_us-east-1_fl-0${r.hex(16)}_${stamp(t)}_${r.hex(8)}.log.gz`,
      ),
      gzipSync(`${flows.join("\n")}\n`),
    );
    totals.vpcflow += nf;

    const nl = Math.round((500 * opts.scale) / 24);
    const byGroup = new Map<string, { stream: string; events: { id: string; timestamp: number; message: string }[] }>();
    for (let i = 0; i < nl; i++) {
      const ev = logEvent(r, w, t + (i * 3600_000) / nl);
      const g = byGroup.get(ev.group) ?? { stream: ev.stream, events: [] };
      g.events.push({
        id: `${t}${i}`.padEnd(56, "0"),
        timestamp: Math.round(t + (i * 3600_000) / nl),
        message: ev.message,
      });
      byGroup.set(ev.group, g);
    }
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
    for (const [group, g] of byGroup)
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
    write(
      path.join(opts.outDir, `cwlogs/${p.y}/${p.m}/${p.d}/${p.h}/sightline-cwlogs-1-${stamp(t)}-${r.uuid()}.gz`),
      gzipSync(payloads.join("")),
    );
    totals.cwlogs += nl;
    totals.files += 2;
  }
  return totals;
}
