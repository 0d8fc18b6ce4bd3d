/** Per-client token buckets (in memory: one ingest process, or per Lambda container). */
export interface RateLimiter {
  /** Takes `n` tokens for `key`; false when the client is over its rate. */
  take(key: string, n: number): boolean;
}

export class TokenBucketLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perSecond = 50,
    private readonly burst = 500,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, n: number): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > 100_000) this.buckets.delete(this.buckets.keys().next().value as string);
    if (b.tokens < n) return false;
    b.tokens -= n;
    return true;
  }
}

/**
 * The ingest's limits: per client id (the tracker's own id, which a client can change at will) and
 * per source address (which it cannot, given a trusted address: see `resolveClientIp`). A batch must
 * fit both; the address allows more, since many browsers can share one address behind a NAT.
 */
export class IngestRateLimiter {
  constructor(
    readonly perClient: RateLimiter = new TokenBucketLimiter(50, 500),
    readonly perAddress: RateLimiter = new TokenBucketLimiter(500, 5000),
  ) {}

  take(source: { clientId: string; address: string | null }, n: number): boolean {
    if (source.address !== null && !this.perAddress.take(source.address, n)) return false;
    return this.perClient.take(source.clientId, n);
  }
}
