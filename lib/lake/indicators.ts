import { forEachIpv4Run, forEachIpv6String, takeOutsideArns } from "./indicator-json-scan";
import {
  ACCESS_KEY_G,
  ACCOUNT,
  ARN_ACCOUNT,
  ARN_G,
  INNER,
  INSTANCE_G,
  IPV4,
  isIpv6,
  TOKEN,
} from "./indicator-patterns";

/**
 * Entity indicators found anywhere in a record, for pivots: IPs, ARNs, EC2 instance ids,
 * access key ids and account ids. The grammar is in `indicator-patterns.ts`.
 */
export interface Indicators {
  any_ip: string[];
  any_arn: string[];
  any_instance_id: string[];
  any_access_key_id: string[];
  any_account_id: string[];
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
    takeOutsideArns(INSTANCE_G, text, taken, arns, (tok) => this.instance.add(tok));
    takeOutsideArns(ACCESS_KEY_G, text, taken, arns, (tok) => this.key.add(tok));
    forEachIpv4Run(text, taken, arns, (run) => this.plain(run));
    forEachIpv6String(text, (ip) => this.ip.add(ip.toLowerCase()));
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
