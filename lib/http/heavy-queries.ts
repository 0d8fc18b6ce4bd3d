import { AppError } from "@/lib/errors";

/** Reports (lake scans, warehouse aggregates) one person may have running at once. */
export const HEAVY_QUERIES_PER_USER = 3;

/**
 * Per-user slots for expensive queries, in this process: a third report from the same person while
 * two still run is refused at once (429) instead of queueing behind them and slowing everyone.
 */
export class HeavyQuerySlots {
  private readonly running = new Map<string, number>();
  constructor(private readonly perUser = HEAVY_QUERIES_PER_USER) {}

  async run<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    const n = this.running.get(userId) ?? 0;
    if (n >= this.perUser)
      throw new AppError(
        "rate_limited",
        `You already have ${this.perUser} reports running. Wait for one to finish, then try again.`,
      );
    this.running.set(userId, n + 1);
    try {
      return await fn();
    } finally {
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    }
  }

  /** Reports running now for one person (for tests and diagnostics). */
  runningFor(userId: string): number {
    return this.running.get(userId) ?? 0;
  }
}

export const heavyQuerySlots = new HeavyQuerySlots();
