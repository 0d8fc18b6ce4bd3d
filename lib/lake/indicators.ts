/**
 * Entity indicators found anywhere in a record, for pivots: IPs, ARNs, EC2 instance ids,
 * access key ids and account ids.
 *
 * The token grammar (patterns without look-around and with ASCII classes, so they would mean the
 * same in RE2) is applied like this:
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
export interface Indicators {
  any_ip: string[];
  any_arn: string[];
  any_instance_id: string[];
  any_access_key_id: string[];
  any_account_id: string[];
}

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

const TOKEN = new RegExp(INDICATOR_PATTERNS.token, "g");
const ARN_G = new RegExp(ARN_SRC, "g");
const INSTANCE_G = new RegExp(INSTANCE_SRC, "g");
const ACCESS_KEY_G = new RegExp(ACCESS_KEY_SRC, "g");
const INNER = new RegExp(INDICATOR_PATTERNS.inner, "g");
const IPV4 = new RegExp(`^${INDICATOR_PATTERNS.ipv4}$`);
const IPV6_GROUPS = new RegExp(`^${INDICATOR_PATTERNS.ipv6Groups}$`);
const ARN_ACCOUNT = new RegExp(INDICATOR_PATTERNS.arnAccount);
const ACCOUNT = new RegExp(`^${INDICATOR_PATTERNS.account}$`);

/** A real IPv6 address: 3–8 groups, at most one `::`, and not all empty. */
export function isIpv6(v: string): boolean {
  if (v === "::" || !IPV6_GROUPS.test(v)) return false;
  const doubles = v.split("::").length - 1;
  if (doubles > 1) return false;
  const groups = v.split(":").filter(Boolean).length;
  return doubles === 1 ? groups <= 7 : groups === 8;
}

/** What an ARN holds (its account; instance ids, IPs and keys inside it), cached: the same ARNs recur in every record. */
const ARN_INSIDE = new Map<string, { account: string | null; tokens: string[] }>();

const isRunChar = (c: number) => c === 46 || (c >= 48 && c <= 57);
const isDigitChar = (c: number) => c >= 48 && c <= 57;
/** `[0-9a-fA-F:]` */
const isHexOrColon = (c: number) => (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** The end of the [start, end) pair in `spans[from..to)` holding `at`, or -1. */
function within(spans: number[], from: number, to: number, at: number): number {
  for (let k = from; k < to; k += 2)
    if (at >= (spans[k] as number) && at < (spans[k + 1] as number)) return spans[k + 1] as number;
  return -1;
}

const sorted = (s: Set<string>) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export class IndicatorSet {
  private readonly ip = new Set<string>();
  private readonly arn = new Set<string>();
  private readonly instance = new Set<string>();
  private readonly key = new Set<string>();
  private readonly account = new Set<string>();

  /** Adds a value known to be an account id (e.g. `recipientAccountId`). */
  account_id(v: unknown): this {
    if (typeof v === "string" && ACCOUNT.test(v)) this.account.add(v);
    return this;
  }

  /** Scans text: a whole record serialized as JSON, or a single value (quoted so it reads as one). */
  scanText(text: string): this {
    const json = text[0] === "{" || text[0] === "[" || text[0] === '"' ? text : `"${text}"`;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(json); m !== null; m = TOKEN.exec(json)) {
      const tok = m[0];
      const c = tok.charCodeAt(0);
      if (c === 97 /* a: an ARN */) this.arnToken(tok);
      else if (c === 34 /* ": an IPv6 candidate */) {
        if (tok.indexOf(":") === -1) continue;
        const v = tok.slice(1, -1).split("/")[0] ?? "";
        if (isIpv6(v)) this.ip.add(v.toLowerCase());
      } else this.plain(tok);
    }
    return this;
  }

  /**
   * `scanText` for text known to be valid JSON without escapes (a CloudTrail record's own text,
   * see `recordSpans`), finding the same tokens faster. The combined pattern is tried at every
   * quote and digit, which dominate JSON text; here each kind is searched on its own, which is
   * exact because in such text tokens cannot overlap except as the grammar orders them:
   *
   * - ARN, instance-id and access-key tokens start at rare characters; their own global searches
   *   find them, and instance ids and keys inside an ARN belong to that ARN;
   * - an IPv4 candidate is a run of digits and dots holding a dot, so it is found from its dots;
   *   a run that reaches back into a key or instance id starts after it, as it would in one pass;
   * - an IPv6 candidate is a whole string of hex digits and colons, found from its colons (every
   *   other colon in JSON sits after a closing quote or inside other text).
   *
   * A test checks it against `scanText` on generated JSON.
   */
  scanJson(text: string): this {
    const taken: number[] = []; // [start, end) pairs of ARN tokens, then of instance ids and keys
    ARN_G.lastIndex = 0;
    for (let m = ARN_G.exec(text); m !== null; m = ARN_G.exec(text)) {
      taken.push(m.index, m.index + m[0].length);
      this.arnToken(m[0]);
    }
    const arns = taken.length;
    INSTANCE_G.lastIndex = 0;
    for (let m = INSTANCE_G.exec(text); m !== null; m = INSTANCE_G.exec(text)) {
      if (within(taken, 0, arns, m.index) !== -1) continue;
      taken.push(m.index, m.index + m[0].length);
      this.instance.add(m[0]);
    }
    ACCESS_KEY_G.lastIndex = 0;
    for (let m = ACCESS_KEY_G.exec(text); m !== null; m = ACCESS_KEY_G.exec(text)) {
      if (within(taken, 0, arns, m.index) !== -1) continue;
      taken.push(m.index, m.index + m[0].length);
      this.key.add(m[0]);
    }
    const n = text.length;
    for (let dot = text.indexOf("."); dot !== -1; ) {
      let start = dot;
      while (start > 0 && isRunChar(text.charCodeAt(start - 1))) start--;
      let end = dot + 1;
      while (end < n && isRunChar(text.charCodeAt(end))) end++;
      if (end - start >= 7 && within(taken, 0, arns, start) === -1) {
        const before = within(taken, arns, taken.length, start);
        if (before !== -1) start = before;
        if (end - start >= 7) this.plain(text.slice(start, end));
      }
      dot = text.indexOf(".", end);
    }
    for (let colon = text.indexOf(":"); colon !== -1; ) {
      // Most colons separate a key from its value: a quote before, a quote or value start after.
      let start = colon;
      while (start > 0 && isHexOrColon(text.charCodeAt(start - 1))) start--;
      let end = colon + 1;
      while (end < n && isHexOrColon(text.charCodeAt(end))) end++;
      const len = end - start;
      if (len >= 3 && len <= 39 && text.charCodeAt(start - 1) === 34) {
        let close = end;
        if (text.charCodeAt(end) === 47) {
          close = end + 1;
          while (close < n && close - end <= 4 && isDigitChar(text.charCodeAt(close))) close++;
          if (close - end < 2 || close - end > 4) close = -1;
        }
        if (close !== -1 && text.charCodeAt(close) === 34) {
          const v = text.slice(start, end);
          if (isIpv6(v)) this.ip.add(v.toLowerCase());
        }
      }
      colon = text.indexOf(":", end);
    }
    return this;
  }

  private arnToken(tok: string) {
    if (this.arn.has(tok)) return; // the same ARN holds the same things
    this.arn.add(tok);
    let inside = ARN_INSIDE.get(tok);
    if (!inside) {
      // `tok` may be a slice of a whole file's text; the cache keeps a copy so it never pins that text.
      const own = Buffer.from(tok, "utf8").toString("utf8");
      inside = { account: ARN_ACCOUNT.exec(own)?.[1] ?? null, tokens: own.match(INNER) ?? [] };
      if (ARN_INSIDE.size >= 20_000) ARN_INSIDE.clear();
      ARN_INSIDE.set(own, inside);
    }
    if (inside.account) this.account.add(inside.account);
    for (const inner of inside.tokens) this.plain(inner);
  }

  private plain(tok: string) {
    const c = tok.charCodeAt(0);
    if (c === 105 /* i */) this.instance.add(tok);
    else if (c === 65 /* A */) this.key.add(tok);
    else if (tok.indexOf(".") !== -1 && IPV4.test(tok)) this.ip.add(tok);
  }

  /** Alias kept for single values. */
  scanString(v: string): this {
    return this.scanText(v);
  }

  scan(value: unknown): this {
    if (value == null) return this;
    return this.scanText(typeof value === "string" ? value : JSON.stringify(value));
  }

  toColumns(): Indicators {
    return {
      any_ip: sorted(this.ip),
      any_arn: sorted(this.arn),
      any_instance_id: sorted(this.instance),
      any_access_key_id: sorted(this.key),
      any_account_id: sorted(this.account),
    };
  }
}
