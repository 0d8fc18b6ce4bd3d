import path from "node:path";
import { gzipSync } from "node:zlib";
import { makeWorld } from "./aws-world";
import { attackStory } from "./cloudtrail-attacks";
import { normalEvent } from "./generate-cloudtrail";
import { guardDutyFinding } from "./generate-guardduty";
import { type LakeRun, type LakeTotals, stamp, writeLakeFile, ymd } from "./lake-files";
import { writeCloudWatchHour, writeFlowLogHour } from "./lake-hourly-logs";
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

/** CloudTrail: per account/region files in time order; attack stories sprinkled in. */
function writeCloudTrailFiles(run: LakeRun, opts: GenerateOptions) {
  const { r, w } = run;
  const perFile = opts.recordsPerFile ?? 500;
  const ctCount = Math.round(2000 * opts.scale * opts.days);
  const files = Math.max(1, Math.ceil(ctCount / perFile));
  const span = (run.end - run.start) / files;
  let story = 0;
  for (let f = 0; f < files; f++) {
    const account = w.accounts[f % w.accounts.length] as string;
    const region = w.regions[Math.floor(f / w.accounts.length) % w.regions.length] as string;
    const t0 = run.start + f * span;
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
    writeLakeFile(file, gzipSync(JSON.stringify({ Records: records }), { level: 6 }));
    run.totals.cloudtrail += records.length;
    run.totals.files++;
    opts.onFile?.(file, records.length);
  }
}

/** GuardDuty: hourly export files; a third of findings repeat later with a higher count. */
function writeGuardDutyFiles(run: LakeRun) {
  const { r, w } = run;
  const repeats: { id: string; first: number; count: number }[] = [];
  for (let h = 0; h < run.days * 24; h++) {
    const t = run.start + h * 3600_000;
    const lines: string[] = [];
    const n = Math.max(0, Math.round((40 * run.scale) / 24 + (r.next() - 0.5)));
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
    writeLakeFile(
      path.join(run.outDir, `AWSLogs/${w.accounts[0]}/GuardDuty/us-east-1/${p.y}/${p.m}/${p.d}/${r.uuid()}.jsonl.gz`),
      gzipSync(`${lines.join("\n")}\n`),
    );
    run.totals.guardduty += lines.length;
    run.totals.files++;
  }
}

/**
 * Writes demo logs exactly as AWS lays them out in S3 (keys, gzip, formats) under `outDir`,
 * deterministically from `seed`. Returns counts per source.
 */
export function generateLake(opts: GenerateOptions): LakeTotals {
  const end = opts.end ?? Math.floor(Date.now() / 3600_000) * 3600_000;
  const run: LakeRun = {
    r: new Random(opts.seed ?? 7),
    w: makeWorld(opts.seed ?? 42),
    outDir: opts.outDir,
    start: end - opts.days * 86_400_000,
    end,
    scale: opts.scale,
    days: opts.days,
    totals: { cloudtrail: 0, guardduty: 0, vpcflow: 0, cwlogs: 0, files: 0 },
  };
  writeCloudTrailFiles(run, opts);
  if (opts.cloudTrailOnly) return run.totals;
  writeGuardDutyFiles(run);
  // VPC Flow Logs and CloudWatch Logs, hour by hour (the draws interleave per hour).
  for (let h = 0; h < opts.days * 24; h++) {
    writeFlowLogHour(run, h);
    writeCloudWatchHour(run, h);
  }
  return run.totals;
}
