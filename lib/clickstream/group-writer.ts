import { randomUUID } from "node:crypto";
import type { ObjectStore } from "@/lib/ports/object-store";

interface Group {
  lines: string[];
  bytes: number;
  waiters: { resolve: (key: string) => void; reject: (err: Error) => void }[];
  timer: NodeJS.Timeout | null;
}

/**
 * Group commit for the raw store: batches that arrive within a few milliseconds of each other (for
 * the same receive hour) are written as one object with one durable write; each caller's promise
 * settles only when that write has. Fewer, larger objects and far fewer fsyncs under load; a lone
 * batch waits at most `lingerMs`.
 */
export class GroupCommitWriter {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly store: ObjectStore,
    private readonly lingerMs = 5,
    private readonly maxBytes = 4 * 1024 * 1024,
  ) {}

  /** Appends `lines` to the open group under `prefix`; resolves to the object key once durable. */
  write(prefix: string, lines: string[]): Promise<string> {
    const g = this.groups.get(prefix) ?? { lines: [], bytes: 0, waiters: [], timer: null };
    this.groups.set(prefix, g);
    g.lines.push(...lines);
    g.bytes += lines.reduce((a, l) => a + l.length + 1, 0);
    const done = new Promise<string>((resolve, reject) => g.waiters.push({ resolve, reject }));
    if (g.bytes >= this.maxBytes) void this.flush(prefix, g);
    else g.timer ??= setTimeout(() => void this.flush(prefix, g), this.lingerMs);
    return done;
  }

  private async flush(prefix: string, g: Group) {
    if (this.groups.get(prefix) !== g) return;
    this.groups.delete(prefix);
    if (g.timer) clearTimeout(g.timer);
    const key = `${prefix}${Date.now()}-${randomUUID()}.ndjson`;
    try {
      await this.store.put(key, `${g.lines.join("\n")}\n`, "application/x-ndjson");
      for (const w of g.waiters) w.resolve(key);
    } catch (err) {
      for (const w of g.waiters) w.reject(err as Error);
    }
  }
}
