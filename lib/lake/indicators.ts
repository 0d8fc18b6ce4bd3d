/**
 * Entity indicators found anywhere in a record, for pivots: IPs, ARNs, EC2 instance ids,
 * access key ids and account ids. Scans every string value (and object keys are skipped).
 */
export interface Indicators {
  any_ip: string[];
  any_arn: string[];
  any_instance_id: string[];
  any_access_key_id: string[];
  any_account_id: string[];
}

const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g;
// Full or compressed IPv6 with at least two colons and hex groups.
const IPV6 =
  /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}(?![\w:])|(?<![\w:])::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4}(?![\w:])/gi;
const ARN = /\barn:aws[\w-]*:[\w-]+:[\w-]*:\d{0,12}:[^\s"',]+/g;
const INSTANCE = /\bi-[0-9a-f]{8}(?:[0-9a-f]{9})?\b/g;
const ACCESS_KEY = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
const ACCOUNT_IN_ARN = /^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/;
const ACCOUNT = /^\d{12}$/;

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

  scanString(v: string): void {
    if (v.length < 7) return;
    if (v.includes(".")) for (const m of v.matchAll(IPV4)) this.ip.add(m[0]);
    if (v.includes(":")) {
      for (const m of v.matchAll(ARN)) {
        this.arn.add(m[0]);
        const acct = ACCOUNT_IN_ARN.exec(m[0])?.[1];
        if (acct) this.account.add(acct);
      }
      if (!v.startsWith("arn:")) for (const m of v.matchAll(IPV6)) this.ip.add(m[0].toLowerCase());
    }
    if (v.includes("i-")) for (const m of v.matchAll(INSTANCE)) this.instance.add(m[0]);
    if (v.includes("A")) for (const m of v.matchAll(ACCESS_KEY)) this.key.add(m[0]);
  }

  scan(value: unknown, depth = 0): this {
    if (depth > 32 || value == null) return this;
    if (typeof value === "string") this.scanString(value);
    else if (Array.isArray(value)) for (const v of value) this.scan(v, depth + 1);
    else if (typeof value === "object") for (const v of Object.values(value)) this.scan(v, depth + 1);
    return this;
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
