/**
 * Entity indicators found anywhere in a record, for pivots: IPs, ARNs, EC2 instance ids,
 * access key ids and account ids.
 *
 * One token grammar, two engines: the TypeScript scanner below and the DuckDB bulk path
 * (`lib/adapters/duckdb/cloudtrail-bulk.ts`) run the same patterns (written to mean the same in
 * JavaScript and RE2: no look-around, ASCII classes) in the same way:
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
