import fs from "node:fs";
import path from "node:path";
import type { World } from "./aws-world";
import type { Random } from "./random";

export interface LakeTotals {
  cloudtrail: number;
  guardduty: number;
  vpcflow: number;
  cwlogs: number;
  files: number;
}

/** One generator run: the seeded draws, the world, the period and what has been written so far. */
export interface LakeRun {
  r: Random;
  w: World;
  outDir: string;
  start: number;
  end: number;
  /** Volume multiplier (see GenerateOptions.scale). */
  scale: number;
  days: number;
  totals: LakeTotals;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The UTC date parts AWS uses in its S3 keys. */
export const ymd = (t: number) => {
  const d = new Date(t);
  return {
    y: d.getUTCFullYear(),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
  };
};

/** `20260105T1300Z`, the timestamp in delivered file names. */
export const stamp = (t: number) => {
  const p = ymd(t);
  return `${p.y}${p.m}${p.d}T${p.h}${p.mi}Z`;
};

export function writeLakeFile(file: string, body: string | Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
}
