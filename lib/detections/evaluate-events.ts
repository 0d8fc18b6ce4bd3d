import type { LakeRow } from "@/lib/lake/tables";
import { FLOW_RULES, TRAIL_RULES } from "./catalog";
import { buildDetectionFinding, eventIdOf, flowSubject, trailSubject } from "./finding-row";
import type { Dedup, EventRule, FlowRule, TrailRule } from "./rule";
import { TrailEvent } from "./trail-event";
import { allows, type DetectionTuning, factsOf, NO_TUNING, severityOf } from "./tuning";

/** Rules per event name, and those that look at every event (`"*"`: identity-based, e.g. root use). */
const byEvent = new Map<string, TrailRule[]>();
const anyEvent: TrailRule[] = [];
for (const rule of TRAIL_RULES) {
  for (const name of rule.events) {
    if (name === "*") anyEvent.push(rule);
    else byEvent.set(name, [...(byEvent.get(name) ?? []), rule]);
  }
}

/** What the ETL's prefilter looks for under a tuning: the event names of rules that are on, and
 * whether any rule that looks at every event (root use) is on. A rule turned off costs nothing. */
export interface DetectionCandidates {
  events: ReadonlySet<string>;
  anyEvent: boolean;
}

const candidatesCache = new Map<string, DetectionCandidates>();
export function candidatesFor(tuning: DetectionTuning = NO_TUNING): DetectionCandidates {
  const key = [...tuning.disabled].sort().join("\n");
  let c = candidatesCache.get(key);
  if (!c) {
    const off = new Set(tuning.disabled);
    const on = TRAIL_RULES.filter((r) => !off.has(r.id));
    c = {
      events: new Set(on.flatMap((r) => r.events.filter((n) => n !== "*"))),
      anyEvent: on.some((r) => r.events.includes("*")),
    };
    if (candidatesCache.size > 32) candidatesCache.clear();
    candidatesCache.set(key, c);
  }
  return c;
}

/** The rule as tuned: an admin's severity replaces the rule's own. */
const withSeverity = <R extends EventRule>(rule: R, tuning: DetectionTuning): R => ({
  ...rule,
  severity: severityOf(tuning, rule),
});

const hourOf = (ms: number) => Math.floor(ms / 3_600_000);

/** The finding key: the dedup key and its window, or the event itself. */
function keyOf<E>(dedup: Dedup<E> | undefined, e: E, row: LakeRow, time: number): string {
  if (!dedup) return eventIdOf(row);
  return `${dedup.key(e)}|${Math.floor(time / (dedup.windowMinutes * 60_000))}`;
}

/** Groups matches by finding key, so repeats inside a dedup window are one finding with a count. */
class Matches<R extends EventRule> {
  readonly groups = new Map<string, { rule: R; rows: LakeRow[] }>();
  add(rule: R, key: string, row: LakeRow) {
    const id = `${rule.id}\n${key}`;
    const g = this.groups.get(id);
    if (g) g.rows.push(row);
    else this.groups.set(id, { rule, rows: [row] });
  }
}

/** Per-event CloudTrail rules over an object's normalized rows. */
export function detectTrailEvents(rows: readonly LakeRow[], tuning: DetectionTuning = NO_TUNING): LakeRow[] {
  const matches = new Matches<TrailRule>();
  for (const row of rows) {
    const rules = byEvent.get(String(row.event_name));
    if (!rules && row.user_type !== "Root") continue;
    const e = new TrailEvent(row);
    for (const rule of [...(rules ?? []), ...anyEvent]) {
      if (!rule.match(e) || !allows(tuning, rule.id, factsOf(row, rule.resource?.(e).id ?? null), row)) continue;
      matches.add(rule, keyOf(rule.dedup, e, row, Number(row.event_time)), row);
    }
  }
  return [...matches.groups].map(([id, { rule, rows: events }]) => {
    const first = events[0] as LakeRow;
    const resource = rule.resource?.(new TrailEvent(first));
    return buildDetectionFinding(withSeverity(rule, tuning), events, id, trailSubject(first, rule.title, resource));
  });
}

/** Per-event VPC Flow rules; by default one finding per source, destination port and hour. */
export function detectFlowEvents(rows: readonly LakeRow[], tuning: DetectionTuning = NO_TUNING): LakeRow[] {
  const matches = new Matches<FlowRule>();
  for (const row of rows) {
    for (const rule of FLOW_RULES) {
      if (!rule.match(row) || !allows(tuning, rule.id, factsOf(row), row)) continue;
      const time = Number(row.start_time);
      const key = rule.dedup
        ? keyOf(rule.dedup, row, row, time)
        : `${row.srcaddr}|${row.dstaddr}|${row.dstport}|${hourOf(time)}`;
      matches.add(rule, key, row);
    }
  }
  return [...matches.groups].map(([id, { rule, rows: events }]) =>
    buildDetectionFinding(withSeverity(rule, tuning), events, id, flowSubject(events[0] as LakeRow, rule.title)),
  );
}
