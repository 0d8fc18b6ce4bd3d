/**
 * The token grammar of entity indicators (patterns without look-around and with ASCII classes, so
 * they would mean the same in RE2), applied by `IndicatorSet` like this:
 *
 * 1. One left-to-right pass over the text finds non-overlapping tokens of five kinds: an ARN,
 *    a quoted string made only of hex digits and colons (IPv6 candidate), a run of digits and
 *    dots (IPv4 candidate), an instance id, an access key id.
 * 2. ARN tokens are scanned again for what they contain (instance ids, IPs, keys) and give
 *    their account.
 * 3. Candidates are validated (IPv4 octets, IPv6 group rules) and every list is de-duplicated
 *    and sorted, so the order does not depend on where in the record a value appeared.
 *
 * The run-of-digits-and-dots rule is what "an IPv4 address not inside a longer number" means
 * without look-behind. IPv6 addresses are taken only from whole (quoted) values, since ARNs
 * and times are full of colons.
 */
const ARN_SRC = String.raw`arn:aws[\w-]*:[\w-]+:[\w-]*:\d{0,12}:[^\x00-\x20"',\\]+`;
const IPV6_CANDIDATE_SRC = String.raw`"[0-9a-fA-F:]{3,39}(?:/\d{1,3})?"`;
const IPV4_RUN_SRC = String.raw`[0-9.]{7,}`;
const INSTANCE_SRC = String.raw`\bi-[0-9a-f]{8}(?:[0-9a-f]{9})?\b`;
const ACCESS_KEY_SRC = String.raw`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`;

/** The patterns, as source text both engines compile. */
export const INDICATOR_PATTERNS = {
  /** Pass 1 over a whole text. */
  token: [ARN_SRC, IPV6_CANDIDATE_SRC, IPV4_RUN_SRC, INSTANCE_SRC, ACCESS_KEY_SRC].join("|"),
  /** Pass 2 inside each ARN. */
  inner: [IPV4_RUN_SRC, INSTANCE_SRC, ACCESS_KEY_SRC].join("|"),
  /** A run that is exactly one IPv4 address. */
  ipv4: String.raw`(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)`,
  /** The shape of an IPv6 address (group counts are checked apart). */
  ipv6Groups: String.raw`(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}`,
  /** The account inside an ARN. */
  arnAccount: String.raw`^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):`,
  account: String.raw`\d{12}`,
} as const;

export const TOKEN = new RegExp(INDICATOR_PATTERNS.token, "g");
export const ARN_G = new RegExp(ARN_SRC, "g");
export const INSTANCE_G = new RegExp(INSTANCE_SRC, "g");
export const ACCESS_KEY_G = new RegExp(ACCESS_KEY_SRC, "g");
export const INNER = new RegExp(INDICATOR_PATTERNS.inner, "g");
export const IPV4 = new RegExp(`^${INDICATOR_PATTERNS.ipv4}$`);
const IPV6_GROUPS = new RegExp(`^${INDICATOR_PATTERNS.ipv6Groups}$`);
export const ARN_ACCOUNT = new RegExp(INDICATOR_PATTERNS.arnAccount);
export const ACCOUNT = new RegExp(`^${INDICATOR_PATTERNS.account}$`);

/** A real IPv6 address: 3–8 groups, at most one `::`, and not all empty. */
export function isIpv6(v: string): boolean {
  if (v === "::" || !IPV6_GROUPS.test(v)) return false;
  const doubles = v.split("::").length - 1;
  if (doubles > 1) return false;
  const groups = v.split(":").filter(Boolean).length;
  return doubles === 1 ? groups <= 7 : groups === 8;
}
