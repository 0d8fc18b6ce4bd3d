import type { LakeRow } from "@/lib/lake/tables";
import { flowLine } from "../../fixtures";
import type { TrailEvent } from "../../trail-event";

/** The four octets of a dotted IPv4 address, or null. */
function ipv4(ip: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded; an embedded IPv4 tail allowed), or null. */
function ipv6(ip: string): number[] | null {
  if (!ip.includes(":") || !/^[0-9a-f:.]+$/i.test(ip)) return null;
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  let text = ip;
  if (tail) {
    const v4 = ipv4(tail[1] ?? "");
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    text = `${ip.slice(0, -(tail[1] ?? "").length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  const head = part(halves[0]);
  const rest = part(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

/** The address is in the IPv4 network `a.b.0.0/bits` (prefixes of at most 16 bits). */
const inV4 = (o: number[], a: number, b: number, bits: number): boolean => {
  const mask = (0xffff << (16 - bits)) & 0xffff;
  return ((((o[0] ?? 0) << 8) | (o[1] ?? 0)) & mask) === (((a << 8) | b) & mask);
};

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), or null. */
const mapped = (g: number[]): number[] | null =>
  g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff
    ? [(g[6] ?? 0) >> 8, (g[6] ?? 0) & 0xff, (g[7] ?? 0) >> 8, (g[7] ?? 0) & 0xff]
    : null;

const privateV4 = (o: number[]): boolean =>
  inV4(o, 10, 0, 8) ||
  inV4(o, 172, 16, 12) ||
  inV4(o, 192, 168, 16) ||
  inV4(o, 100, 64, 10) ||
  inV4(o, 127, 0, 8) ||
  inV4(o, 169, 254, 16);

/**
 * The address is not routable on the internet as a host of its own: RFC 1918 (10/8, 172.16/12,
 * 192.168/16), carrier-grade NAT (100.64/10), loopback (127/8, ::1), link-local (169.254/16,
 * fe80::/10) or IPv6 unique-local (fc00::/7). False for anything that is not an IP address.
 */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ipv4(ip);
  if (v4) return privateV4(v4);
  const g = ipv6(ip);
  if (!g) return false;
  const inner = mapped(g);
  if (inner) return privateV4(inner);
  const first = g[0] ?? 0;
  const loopback = g.slice(0, 7).every((x) => x === 0) && g[7] === 1;
  return loopback || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/** A unicast address on the internet: an IP address that is neither private nor unspecified, multicast or reserved. */
export function isPublicAddress(ip: string): boolean {
  if (isPrivateAddress(ip)) return false;
  const v4 = ipv4(ip) ?? mapped(ipv6(ip) ?? []);
  if (v4) return (v4[0] ?? 0) !== 0 && (v4[0] ?? 0) < 224;
  const g = ipv6(ip);
  return g !== null && !g.every((x) => x === 0) && (g[0] ?? 0) >> 8 !== 0xff;
}

/** A VPC Flow Logs row's fields a rule reads. */
export interface Flow {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  protocol: number;
  accepted: boolean;
}

export const TCP = 6;
export const UDP = 17;

export const flowOf = (row: LakeRow): Flow => ({
  src: String(row.srcaddr ?? ""),
  dst: String(row.dstaddr ?? ""),
  srcPort: Number(row.srcport ?? -1),
  dstPort: Number(row.dstport ?? -1),
  protocol: Number(row.protocol ?? -1),
  accepted: row.action === "ACCEPT",
});

/** An accepted connection from the internet to a private address on one of `ports`. */
export const inboundFromInternet = (row: LakeRow, ports: ReadonlySet<number>, protocols = [TCP]): boolean => {
  const f = flowOf(row);
  return (
    f.accepted &&
    ports.has(f.dstPort) &&
    protocols.includes(f.protocol) &&
    isPublicAddress(f.src) &&
    isPrivateAddress(f.dst)
  );
};

/**
 * An accepted connection a private address opened to the internet on one of `ports`. The local
 * side must use an unprivileged port (≥ 1024), as a client does: a reply from a service on a
 * well-known port to a client whose ephemeral port happens to be in `ports` is not a match.
 */
export const outboundToInternet = (row: LakeRow, ports: ReadonlySet<number>): boolean => {
  const f = flowOf(row);
  return (
    f.accepted &&
    f.protocol === TCP &&
    ports.has(f.dstPort) &&
    f.srcPort >= 1024 &&
    isPrivateAddress(f.src) &&
    isPublicAddress(f.dst)
  );
};

/** Flow findings about an exposed address: one per destination address and port per day. */
export const perDestinationDaily = {
  key: (row: LakeRow) => `${row.dstaddr}|${row.dstport}`,
  windowMinutes: 24 * 60,
};

/** Flow findings about an outbound channel: one per local address, remote address and port per day. */
export const perConnectionDaily = {
  key: (row: LakeRow) => `${row.srcaddr}|${row.dstaddr}|${row.dstport}`,
  windowMinutes: 24 * 60,
};

/** Fixture addresses: a private instance, another private host, and internet hosts (documentation ranges). */
export const HOST = { instance: "10.0.1.25", peer: "10.0.2.8", remote: "203.0.113.77", pool: "198.51.100.23" } as const;

/** A flow from an internet host to the instance, and the same flow's reply. */
export const inboundFixtures = (dstPort: number, protocol = TCP) => ({
  open: flowLine({ src: HOST.remote, dst: HOST.instance, srcPort: 51514, dstPort, protocol }),
  rejected: flowLine({ src: HOST.remote, dst: HOST.instance, srcPort: 51514, dstPort, protocol, action: "REJECT" }),
  internal: flowLine({ src: HOST.peer, dst: HOST.instance, srcPort: 51514, dstPort, protocol }),
  reply: flowLine({ src: HOST.instance, dst: HOST.remote, srcPort: dstPort, dstPort: 51514, protocol }),
});

/**
 * A field of a request, wherever the EC2 API records it: at the top level in camelCase (older
 * calls), or inside the `<EventName>Request` envelope in PascalCase (newer calls, e.g.
 * ModifySecurityGroupRules).
 */
export function requestField(e: TrailEvent, name: string): unknown {
  const req = e.req;
  if (!req) return undefined;
  if (req[name] !== undefined) return req[name];
  const envelope = req[`${e.name}Request`];
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) return undefined;
  const pascal = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return (envelope as Record<string, unknown>)[pascal];
}

/** A request field as text ("" when absent or not a string). */
export const requestText = (e: TrailEvent, name: string): string => {
  const v = requestField(e, name);
  return typeof v === "string" ? v : "";
};
