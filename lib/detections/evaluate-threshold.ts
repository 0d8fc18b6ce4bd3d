import type { LakeRow } from "@/lib/lake/tables";
import { buildDetectionFinding, flowSubject, trailSubject } from "./finding-row";
import type { ThresholdRule } from "./rule";
import { byKey, type KeyedEvent } from "./scheduled-events";

/** An hour of event time [start, start + 1 h): the unit scheduled rules are evaluated and owned by. */
export interface Hour {
  startMs: number;
}
export const HOUR_MS = 3_600_000;

/** What one evaluation of a threshold rule over an hour reads: the hour, and twice the window before it. */
export const thresholdSpan = (rule: ThresholdRule, hour: Hour) => ({
  fromMs: hour.startMs - 2 * rule.windowMinutes * 60_000,
  toMs: hour.startMs + HOUR_MS,
});

/** Indices of the events at which the count within the window reaches the threshold. */
function triggers(events: readonly KeyedEvent[], threshold: number, windowMs: number): number[] {
  const out: number[] = [];
  let start = 0;
  for (let end = 0; end < events.length; end++) {
    while ((events[end] as KeyedEvent).t - (events[start] as KeyedEvent).t >= windowMs) start++;
    if (end - start + 1 >= threshold) out.push(end);
  }
  return out;
}

/**
 * Bursts of one key: consecutive triggers no more than a window apart are one burst, which starts
 * at its first trigger. A burst belongs to the hour its first trigger falls in, so every burst is
 * raised by exactly one hour's evaluation however the events are spread over objects and hours.
 */
export function findBursts(events: readonly KeyedEvent[], rule: ThresholdRule, hour: Hour): KeyedEvent[][] {
  const windowMs = rule.windowMinutes * 60_000;
  const at = triggers(events, rule.threshold, windowMs);
  const bursts: KeyedEvent[][] = [];
  for (let i = 0; i < at.length; i++) {
    const first = events[at[i] as number] as KeyedEvent;
    const previous = i > 0 ? (events[at[i - 1] as number] as KeyedEvent) : null;
    if (previous && first.t - previous.t <= windowMs) continue; // inside a burst already started
    let last = i;
    while (
      last + 1 < at.length &&
      (events[at[last + 1] as number] as KeyedEvent).t - (events[at[last] as number] as KeyedEvent).t <= windowMs
    )
      last++;
    if (first.t < hour.startMs || first.t >= hour.startMs + HOUR_MS) continue;
    const endIndex = at[last] as number;
    bursts.push(events.filter((e, j) => j <= endIndex && e.t > first.t - windowMs));
  }
  return bursts;
}

/** The findings one threshold rule raises for one hour, from the events its query returned. */
export function evaluateThreshold(rule: ThresholdRule, events: readonly KeyedEvent[], hour: Hour): LakeRow[] {
  const out: LakeRow[] = [];
  for (const [key, list] of byKey(events)) {
    for (const burst of findBursts(list, rule, hour)) {
      const rows = burst.map((e) => e.row);
      const first = rows[0] as LakeRow;
      const subject = rule.table === "vpcflow" ? flowSubject(first, rule.title) : trailSubject(first, rule.title);
      out.push(
        buildDetectionFinding(
          rule,
          rows,
          `${key}|${(burst[0] as KeyedEvent).id}`,
          {
            ...subject,
            description: `${rule.title}: ${rows.length} events for ${key} within ${rule.windowMinutes} minutes`,
          },
          { key, threshold: rule.threshold, windowMinutes: rule.windowMinutes },
        ),
      );
    }
  }
  return out;
}
