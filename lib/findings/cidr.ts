/**
 * IP addresses and CIDR prefixes as numbers (IPv4 in 32 bits, IPv6 in 128), so that "is this
 * address inside that prefix" is one mask and compare. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the
 * IPv4 address it carries; zone ids (`fe80::1%eth0`) and anything else that is not a plain address are refused.
 */

export type IpVersion = 4 | 6;

export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

export interface Cidr {
  version: IpVersion;
  /** The network address (host bits cleared). */
  network: bigint;
  bits: number;
}

const WIDTH: Record<IpVersion, number> = { 4: 32, 6: 128 };

function parseIpv4(s: string): bigint | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

/** Eight 16-bit groups from `a:b::c` (at most one `::`, an IPv4 tail counts as two groups). */
function ipv6Groups(s: string): number[] | null {
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const toGroups = (h: string): number[] | null => {
    if (h === "") return [];
    const out: number[] = [];
    const items = h.split(":");
    for (const [i, g] of items.entries()) {
      if (i === items.length - 1 && g.includes(".")) {
        const v4 = parseIpv4(g);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-f]{1,4}$/i.test(g)) out.push(Number.parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const head = toGroups(halves[0] ?? "");
  const tail = halves.length === 2 ? toGroups(halves[1] ?? "") : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

/** An IPv4 or IPv6 address, or null when `s` is not one. */
export function parseIp(input: string): IpAddress | null {
  const s = input.trim();
  if (!s.includes(":")) {
    const v4 = parseIpv4(s);
    return v4 === null ? null : { version: 4, value: v4 };
  }
  const groups = ipv6Groups(s);
  if (!groups) return null;
  const value = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn };
  return { version: 6, value };
}

const maskOf = (version: IpVersion, bits: number) => {
  const width = BigInt(WIDTH[version]);
  return ((1n << width) - 1n) ^ ((1n << (width - BigInt(bits))) - 1n);
};

/** `a.b.c.d/n` or `x::/n`; a bare address is its own /32 or /128. Host bits are cleared. */
export function parseCidr(input: string): Cidr | null {
  const [addr = "", bitsText, extra] = input.trim().split("/");
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  // A mapped IPv4 prefix (`::ffff:1.2.3.0/120`) would need its bits shifted; AWS never publishes one.
  if (addr.includes(":") && ip.version === 4) return null;
  const width = WIDTH[ip.version];
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return null;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (bits > width) return null;
  return { version: ip.version, network: ip.value & maskOf(ip.version, bits), bits };
}

export const cidrContains = (c: Cidr, ip: IpAddress) =>
  c.version === ip.version && (ip.value & maskOf(c.version, c.bits)) === c.network;

/** A Cidr written back in its usual form (`10.0.0.0/8`, `2600:1f18::/33`). */
export function formatCidr(c: Cidr): string {
  if (c.version === 4) {
    const octets = [24n, 16n, 8n, 0n].map((shift) => String((c.network >> shift) & 0xffn));
    return `${octets.join(".")}/${c.bits}`;
  }
  const groups = Array.from({ length: 8 }, (_, i) => Number((c.network >> BigInt(112 - i * 16)) & 0xffffn));
  // The longest run of zero groups (two or more) becomes `::`.
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i > 1) best = { at: i, len: j - i };
    i = j > i ? j : i + 1;
  }
  const hex = (xs: number[]) => xs.map((g) => g.toString(16)).join(":");
  const text = best.at < 0 ? hex(groups) : `${hex(groups.slice(0, best.at))}::${hex(groups.slice(best.at + best.len))}`;
  return `${text}/${c.bits}`;
}

/**
 * Prefixes indexed by length, so a lookup is one map probe per possible length (33 for IPv4, 129
 * for IPv6) whatever the number of prefixes; every prefix holding the address comes back, most specific first.
 */
export class PrefixIndex<T> {
  private readonly byLength = new Map<string, Map<bigint, { cidr: Cidr; values: T[] }>>();
  private count = 0;

  add(cidr: Cidr, value: T): void {
    const key = `${cidr.version}/${cidr.bits}`;
    let level = this.byLength.get(key);
    if (!level) {
      level = new Map();
      this.byLength.set(key, level);
    }
    const entry = level.get(cidr.network);
    if (entry) entry.values.push(value);
    else {
      level.set(cidr.network, { cidr, values: [value] });
      this.count++;
    }
  }

  /** How many distinct prefixes the index holds. */
  get size(): number {
    return this.count;
  }

  lookup(ip: IpAddress): { cidr: Cidr; values: T[] }[] {
    const out: { cidr: Cidr; values: T[] }[] = [];
    for (let bits = WIDTH[ip.version]; bits >= 0; bits--) {
      const hit = this.byLength.get(`${ip.version}/${bits}`)?.get(ip.value & maskOf(ip.version, bits));
      if (hit) out.push(hit);
    }
    return out;
  }
}
