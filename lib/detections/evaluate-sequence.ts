import type { LakeRow } from "@/lib/lake/tables";
import { HOUR_MS, type Hour } from "./evaluate-threshold";
import { buildDetectionFinding, trailSubject } from "./finding-row";
import type { SequenceRule } from "./rule";
import { byKey, type KeyedEvent } from "./scheduled-events";

/** What one evaluation of a sequence rule over an hour reads: the hour, and one window before it. */
export const sequenceSpan = (rule: SequenceRule, hour: Hour) => ({
  fromMs: hour.startMs - rule.windowMinutes * 60_000,
  toMs: hour.startMs + HOUR_MS,
});

/**
 * The steps, in order, ending at the final-step event `last`: each earlier step is the latest of
 * its events not after the next step's, and the first must lie within the window of the last.
 */
function chainEndingAt(events: readonly KeyedEvent[], lastIndex: number, rule: SequenceRule): KeyedEvent[] | null {
  const last = events[lastIndex] as KeyedEvent;
  const chain = [last];
  let j = lastIndex;
  for (let step = rule.steps.length - 2; step >= 0; step--) {
    while (j >= 0 && (events[j] as KeyedEvent).step !== step) j--;
    if (j < 0) return null;
    chain.unshift(events[j] as KeyedEvent);
  }
  return last.t - (chain[0] as KeyedEvent).t <= rule.windowMinutes * 60_000 ? chain : null;
}

/**
 * Completed sequences of one key whose final step falls in the hour: one per first-step event
 * (later completions of the same start are the same attack).
 */
export function findSequences(events: readonly KeyedEvent[], rule: SequenceRule, hour: Hour): KeyedEvent[][] {
  const found = new Map<string, KeyedEvent[]>();
  const finalStep = rule.steps.length - 1;
  events.forEach((e, i) => {
    if (e.step !== finalStep || e.t < hour.startMs || e.t >= hour.startMs + HOUR_MS) return;
    const chain = chainEndingAt(events, i, rule);
    if (chain && !found.has((chain[0] as KeyedEvent).id)) found.set((chain[0] as KeyedEvent).id, chain);
  });
  return [...found.values()];
}

/** The "attack sequence" findings of one rule for one hour: each lists its steps in order. */
export function evaluateSequence(rule: SequenceRule, events: readonly KeyedEvent[], hour: Hour): LakeRow[] {
  const out: LakeRow[] = [];
  for (const [key, list] of byKey(events)) {
    for (const chain of findSequences(list, rule, hour)) {
      const rows = chain.map((e) => e.row);
      const steps = chain.map((e, i) => ({
        step: i + 1,
        title: rule.steps[i]?.title ?? "",
        event_id: e.id,
        event_name: e.row.event_name ?? null,
        at: e.t,
      }));
      out.push(
        buildDetectionFinding(
          rule,
          rows,
          `${key}|${(chain[0] as KeyedEvent).id}`,
          {
            ...trailSubject(rows[0] as LakeRow, rule.title),
            description: `${rule.title}: ${steps.map((s) => s.event_name).join(" → ")} by ${key}`,
          },
          { sequence: true, key, windowMinutes: rule.windowMinutes, steps },
        ),
      );
    }
  }
  return out;
}
