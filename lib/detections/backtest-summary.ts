import type { LakeRow } from "@/lib/lake/tables";
import type { BacktestResult, BacktestSample } from "@/lib/schemas/detections";

const DAY = 86_400_000;
const TOP = 5;

/** The span a backtest of `days` reads: whole UTC days, the last one being today up to now. */
export function backtestSpan(days: number, now: number): { fromMs: number; toMs: number; days: string[] } {
  const today = Math.floor(now / DAY) * DAY;
  const fromMs = today - (days - 1) * DAY;
  return {
    fromMs,
    toMs: now,
    days: Array.from({ length: days }, (_, i) => new Date(fromMs + i * DAY).toISOString().slice(0, 10)),
  };
}

/** The hours (epoch ms) whose start lies in the span, in order. */
export function hoursOf(span: { fromMs: number; toMs: number }): number[] {
  const out: number[] = [];
  for (let h = Math.floor(span.fromMs / 3_600_000) * 3_600_000; h < span.toMs; h += 3_600_000) out.push(h);
  return out;
}

/** Counts per day for every day given (zeros included); times outside those days are not counted. */
export function countPerDay(days: readonly string[], times: readonly number[]): Map<string, number> {
  const out = new Map(days.map((d) => [d, 0]));
  for (const t of times) {
    const day = new Date(t).toISOString().slice(0, 10);
    const n = out.get(day);
    if (n !== undefined) out.set(day, n + 1);
  }
  return out;
}

/** The `n` values with the highest counts (ties by value), with their counts. */
export function topN(counts: ReadonlyMap<string, number>, n = TOP): { value: string; count: number }[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, n)
    .map(([value, count]) => ({ value, count }));
}

const add = (m: Map<string, number>, key: unknown, n = 1) => {
  if (typeof key === "string" && key) m.set(key, (m.get(key) ?? 0) + n);
};

/** An event's time (CloudTrail `event_time`, flow `start_time`), in ms. */
export const eventTimeOf = (e: LakeRow) => Number(e.event_time ?? e.start_time);

const sampleOf = (id: string, e: LakeRow): BacktestSample => ({
  time: new Date(eventTimeOf(e)).toISOString(),
  eventName: (e.event_name as string | null) ?? null,
  principal: ((e.user_arn ?? e.user_name) as string | null) ?? null,
  sourceAddress: ((e.source_ip_address ?? e.srcaddr) as string | null) ?? null,
  eventId: id,
});

/**
 * What a backtest shows from the findings a rule would raise and the events they match: matching
 * events and new findings per day, the principals (the actor, or for flows the source address)
 * and resources most involved, the latest events as samples, and how many findings it would create.
 */
export function summarizeBacktest(
  days: readonly string[],
  findings: readonly LakeRow[],
  events: ReadonlyMap<string, LakeRow>,
): Pick<BacktestResult, "perDay" | "hits" | "wouldCreate" | "topPrincipals" | "topResources" | "samples"> {
  const matched = new Map<string, LakeRow>();
  const resources = new Map<string, number>();
  for (const f of findings) {
    for (const id of (f.matched_event_ids as string[] | null) ?? []) {
      const e = events.get(id);
      if (e) matched.set(id, e);
    }
    add(resources, f.resource_id, Number(f.event_count ?? 1));
  }
  const principals = new Map<string, number>();
  for (const e of matched.values()) add(principals, e.user_arn ?? e.user_name ?? e.srcaddr);
  const hits = countPerDay(days, [...matched.values()].map(eventTimeOf));
  const started = countPerDay(
    days,
    findings.map((f) => Number(f.first_seen)),
  );
  const latest = [...matched].sort(([, a], [, b]) => eventTimeOf(b) - eventTimeOf(a)).slice(0, TOP);
  return {
    perDay: days.map((day) => ({ day, hits: hits.get(day) ?? 0, findings: started.get(day) ?? 0 })),
    hits: matched.size,
    wouldCreate: findings.length,
    topPrincipals: topN(principals),
    topResources: topN(resources),
    samples: latest.map(([id, e]) => sampleOf(id, e)),
  };
}
