import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { AwsIpLookup, AwsIpOwner, AwsIpRangesInfo } from "@/lib/schemas/aws-ip-ranges";
import { type Cidr, formatCidr, PrefixIndex, parseCidr, parseIp } from "./cidr";

/**
 * AWS publishes the address ranges it owns as `ip-ranges.json`. The app ships a copy at this path
 * (a subset); an operator drops the full published file in its place, and an admin's refresh (or a
 * restart) reads whatever is there.
 */
export const AWS_IP_RANGES_FILE = "data/aws-ip-ranges.json";
export const awsIpRangesPath = () => path.resolve(process.cwd(), AWS_IP_RANGES_FILE);

const entry = { region: z.string(), service: z.string(), network_border_group: z.string().optional() };
/** AWS's format (fields this app does not read are allowed and ignored). */
const AwsIpRangesFile = z.object({
  syncToken: z.string(),
  createDate: z.string(),
  prefixes: z.array(z.object({ ip_prefix: z.string(), ...entry })),
  ipv6_prefixes: z.array(z.object({ ipv6_prefix: z.string(), ...entry })).default([]),
});

interface Entry {
  region: string;
  service: string;
  networkBorderGroup: string | null;
}

export interface AwsIpRanges {
  info: AwsIpRangesInfo;
  /** Every published prefix holding the address, most specific first, one per prefix and region. */
  lookup(ip: string): AwsIpOwner[];
}

/** AWS's file, indexed; a file that is not AWS's format is refused whole, naming what is wrong. */
export function indexAwsIpRanges(text: string, source: string, now = new Date()): AwsIpRanges {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("unavailable", `The AWS IP ranges from ${source} are not JSON`);
  }
  const parsed = AwsIpRangesFile.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      "unavailable",
      `The AWS IP ranges from ${source} are not in AWS's format (syncToken, createDate, prefixes, ipv6_prefixes)`,
    );
  const file = parsed.data;
  const index = new PrefixIndex<Entry>();
  const all = [
    ...file.prefixes.map((p) => ({ ...p, prefix: p.ip_prefix })),
    ...file.ipv6_prefixes.map((p) => ({ ...p, prefix: p.ipv6_prefix })),
  ];
  for (const p of all) {
    const cidr = parseCidr(p.prefix);
    if (!cidr || !p.prefix.includes("/"))
      throw new AppError(
        "unavailable",
        `The AWS IP ranges from ${source} list “${p.prefix}”, which is not a CIDR range`,
      );
    index.add(cidr, { region: p.region, service: p.service, networkBorderGroup: p.network_border_group ?? null });
  }
  return {
    info: {
      syncToken: file.syncToken,
      createDate: file.createDate,
      prefixes: index.size,
      source,
      loadedAt: now.toISOString(),
    },
    lookup: (ip) => {
      const addr = parseIp(ip);
      return addr ? index.lookup(addr).flatMap(({ cidr, values }) => ownersOf(cidr, values)) : [];
    },
  };
}

/** One owner per region of a prefix, with its services (`AMAZON` last: it is the superset). */
function ownersOf(cidr: Cidr, values: Entry[]): AwsIpOwner[] {
  const byRegion = new Map<string, AwsIpOwner>();
  for (const v of values) {
    const key = `${v.region}|${v.networkBorderGroup ?? ""}`;
    const owner = byRegion.get(key) ?? {
      prefix: formatCidr(cidr),
      region: v.region,
      services: [],
      networkBorderGroup: v.networkBorderGroup,
    };
    if (!owner.services.includes(v.service)) owner.services.push(v.service);
    byRegion.set(key, owner);
  }
  for (const o of byRegion.values())
    o.services.sort((x, y) => Number(x === "AMAZON") - Number(y === "AMAZON") || x.localeCompare(y));
  return [...byRegion.values()];
}

/** Reads the ranges file; a missing one is named plainly. */
export async function readAwsIpRangesFile(file: string): Promise<AwsIpRanges> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    throw new AppError(
      "unavailable",
      missing ? `There is no AWS IP ranges file at ${file}` : `The AWS IP ranges file ${file} could not be read`,
    );
  }
  return indexAwsIpRanges(text, file);
}

// The process's ranges: read on first use, replaced by a refresh. A failed read is not kept, so a
// file put right is picked up by the next lookup.
let current: Promise<AwsIpRanges> | null = null;

export function currentAwsIpRanges(file = awsIpRangesPath()): Promise<AwsIpRanges> {
  const loading = current ?? readAwsIpRangesFile(file);
  current = loading;
  loading.catch(() => {
    if (current === loading) current = null;
  });
  return loading;
}

export function replaceAwsIpRanges(ranges: AwsIpRanges): void {
  current = Promise.resolve(ranges);
}

/** Whether AWS publishes `ip` as its own, for an entity page; never throws. */
export async function lookupAwsIp(ip: string, file = awsIpRangesPath()): Promise<AwsIpLookup> {
  try {
    const ranges = await currentAwsIpRanges(file);
    return { status: "ok", owners: ranges.lookup(ip), ranges: ranges.info };
  } catch (err) {
    return { status: "unavailable", reason: err instanceof Error ? err.message : String(err) };
  }
}
