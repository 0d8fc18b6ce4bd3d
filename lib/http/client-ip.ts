import net from "node:net";

/**
 * The client's address as this server can vouch for it: the connection's peer, unless that peer is
 * one of the configured reverse proxies, in which case `X-Forwarded-For` is read from the right (the
 * entries proxies appended) and the first address that is not a trusted proxy is the client. A
 * client-written `X-Forwarded-For` is therefore ignored unless a trusted proxy forwarded it, and
 * even then only the part the proxy appended counts.
 */
export function resolveClientIp(
  peer: string | undefined | null,
  forwardedFor: string | undefined | null,
  trustedProxies: readonly string[],
): string | null {
  const peerIp = normalize(peer);
  if (!peerIp) return null;
  const list = new net.BlockList();
  for (const entry of trustedProxies) addEntry(list, entry);
  const trusted = (ip: string) => list.check(ip, net.isIPv6(ip) ? "ipv6" : "ipv4");
  if (!trusted(peerIp) || !forwardedFor) return peerIp;
  const hops = forwardedFor
    .split(",")
    .map((h) => normalize(h.trim()))
    .filter((h): h is string => h !== null);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted(hop)) return hop;
  }
  return hops[0] ?? peerIp;
}

/** A plain address (IPv4-mapped IPv6 folded to IPv4), or null when it is not an IP address. */
function normalize(ip: string | undefined | null): string | null {
  if (!ip) return null;
  const v = ip.startsWith("::ffff:") && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  return net.isIP(v) ? v : null;
}

function addEntry(list: net.BlockList, entry: string) {
  const [addr = "", bits] = entry.split("/");
  const type = net.isIPv6(addr) ? "ipv6" : "ipv4";
  if (!net.isIP(addr)) throw new Error(`SIGHTLINE_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
  if (bits === undefined) list.addAddress(addr, type);
  else list.addSubnet(addr, Number(bits), type);
}

/** The header our own HTTP front (scripts/next-server.ts) sets to the resolved client address. */
export const CLIENT_IP_HEADER = "x-sightline-client-ip";
