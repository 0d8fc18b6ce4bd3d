/**
 * Entity indicators found anywhere in a record, for pivots: IPs, ARNs, EC2 instance ids,
 * access key ids and account ids.
 *
 * Speed matters here (every record of every log): the record is serialized once and each
 * pattern runs once over that text, instead of walking every string value. IPv6 addresses
 * are taken only from values that look like a whole address, since ARNs are full of colons.
 */
export interface Indicators {
  any_ip: string[];
  any_arn: string[];
  any_instance_id: string[];
  any_access_key_id: string[];
  any_account_id: string[];
}

const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/g;
const ARN = /arn:aws[\w-]*:[\w-]+:[\w-]*:\d{0,12}:[^\s"',\\]+/g;
const INSTANCE = /\bi-[0-9a-f]{8}(?:[0-9a-f]{9})?\b/g;
const ACCESS_KEY = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
const ACCOUNT_IN_ARN = /^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/;
const ACCOUNT = /^\d{12}$/;
// Candidates: a whole JSON string value made only of hex digits and colons (optionally /prefix).
const IPV6_CANDIDATE = /"([0-9a-fA-F:]{3,39})(?:\/\d{1,3})?"/g;
const IPV6_GROUPS = /^(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}$/i;

/** A real IPv6 address: 3–8 groups, at most one `::`, and not all empty. */
function isIpv6(v: string): boolean {
  if (!IPV6_GROUPS.test(v) || v === "::") return false;
  const doubles = v.split("::").length - 1;
  if (doubles > 1) return false;
  const groups = v.split(":").filter(Boolean).length;
  return doubles === 1 ? groups <= 7 : groups === 8;
}

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

  /** Scans text (a single value, or a whole record serialized as JSON). */
  scanText(text: string): this {
    if (text.includes(".")) for (const m of text.matchAll(IPV4)) this.ip.add(m[0]);
    if (text.includes("arn:aws")) {
      for (const m of text.matchAll(ARN)) {
        this.arn.add(m[0]);
        const acct = ACCOUNT_IN_ARN.exec(m[0])?.[1];
        if (acct) this.account.add(acct);
      }
    }
    if (text.includes(":")) {
      // Whole documents are scanned as they are; a single value is quoted so it reads as one.
      const json = text[0] === "{" || text[0] === "[" || text[0] === '"' ? text : `"${text}"`;
      for (const m of json.matchAll(IPV6_CANDIDATE)) if (m[1] && isIpv6(m[1])) this.ip.add(m[1].toLowerCase());
    }
    if (text.includes("i-")) for (const m of text.matchAll(INSTANCE)) this.instance.add(m[0]);
    if (text.includes("KIA") || text.includes("SIA")) for (const m of text.matchAll(ACCESS_KEY)) this.key.add(m[0]);
    return this;
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
      any_ip: [...this.ip],
      any_arn: [...this.arn],
      any_instance_id: [...this.instance],
      any_access_key_id: [...this.key],
      any_account_id: [...this.account],
    };
  }
}
