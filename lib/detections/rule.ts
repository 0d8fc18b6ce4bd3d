import type { Severity } from "@/lib/lake/severity";
import type { LakeRow } from "@/lib/lake/tables";
import type { LakeDialect } from "@/lib/ports/lake-query";
import type { Tactic } from "./tactics";
import type { TrailEvent } from "./trail-event";

/** What an analyst does with a finding of the rule. Plain sentences, our own words. */
export interface Runbook {
  /** What to look at first to tell an attack from routine work. */
  check: string[];
  /** How to contain it when it is real. */
  contain: string[];
  /** Routine work that looks like this, and how to tune it out. */
  falsePositives: string[];
}

/** What every rule says about itself, whatever its kind. */
export interface RuleMeta {
  /** kebab-case, unique across all rules; findings carry it (`finding_type` = `Sightline:<id>`). */
  id: string;
  /** Bumped when what the rule matches changes. */
  version: number;
  title: string;
  severity: Severity;
  /** What a finding of this rule means (the finding's explanation). */
  description: string;
  tactic: Tactic;
  /** ATT&CK technique ids, e.g. "T1098.001". */
  techniques: string[];
  runbook: Runbook;
  /** Public documentation of the API calls or behaviour involved. */
  references: string[];
  /** False for rules that ship turned off (noisy in many estates): backtest, then enable. Default true. */
  enabledByDefault?: boolean;
}

/** A CloudTrail record as AWS writes it (the fixtures' raw format). */
export type CloudTrailRecord = Record<string, unknown>;

/** Repeats of a rule on the same key within the window update one finding (count, first/last seen). */
export interface Dedup<E> {
  key: (e: E) => string;
  windowMinutes: number;
}

/** A per-event rule over CloudTrail, run by the lake ETL on every normalized row. */
export interface TrailRule extends RuleMeta {
  kind: "cloudtrail";
  /** Every `eventName` the rule can match: the ETL only looks closer at records with one of these. */
  events: readonly string[];
  match(e: TrailEvent): boolean;
  /** Default: one finding per matching event. */
  dedup?: Dedup<TrailEvent>;
  /** What the finding is about when not the acting principal (a security group, a bucket, a key…). */
  resource?: (e: TrailEvent) => { type: string; id: string | null };
  fixtures: { fire: CloudTrailRecord[]; quiet: CloudTrailRecord[] };
}

/** A per-event rule over VPC Flow Log records. */
export interface FlowRule extends RuleMeta {
  kind: "vpcflow";
  match(row: LakeRow): boolean;
  /** Default: one finding per source address and destination port per hour. */
  dedup?: Dedup<LakeRow>;
  /** Flow log lines in the default version 2 format (AWS's space-separated fields, no header). */
  fixtures: { fire: string[]; quiet: string[] };
}

export type EventRule = TrailRule | FlowRule;

/** The lake tables scheduled rules read. */
export type ScheduledTable = "cloudtrail" | "vpcflow";

/** Raw objects as AWS delivers them, for the fixtures of rules over many events. */
export interface FixtureObjects {
  /** Each entry is one raw object (one trail file or flow log file): CloudTrail records or flow lines. */
  objects: (CloudTrailRecord[] | string[])[];
}

/**
 * N events per key within a window, over the whole lake whatever the file boundaries: run on a
 * schedule as one SQL definition (DuckDB locally, Athena in AWS).
 */
export interface ThresholdRule extends RuleMeta {
  kind: "threshold";
  table: ScheduledTable;
  /** SQL condition over the table's columns (literal values only), written once for both engines. */
  where: (d: LakeDialect) => string;
  /** SQL expression of what is counted per (a principal, a source address…). */
  key: (d: LakeDialect) => string;
  threshold: number;
  windowMinutes: number;
  fixtures: { fire: FixtureObjects; quiet: FixtureObjects };
}

/** One step of a sequence: which events, and what ties them to the other steps (the key). */
export interface SequenceStep {
  title: string;
  /** Steps read CloudTrail (their events are joined on one key and told apart by name). */
  table: "cloudtrail";
  where: (d: LakeDialect) => string;
  /** SQL expression of the key every step shares (e.g. the principal's ARN). */
  key: (d: LakeDialect) => string;
}

/** Ordered steps per key within a window: one "attack sequence" finding linking its steps. */
export interface SequenceRule extends RuleMeta {
  kind: "sequence";
  steps: SequenceStep[];
  windowMinutes: number;
  fixtures: { fire: FixtureObjects; quiet: FixtureObjects };
}

export type ScheduledRule = ThresholdRule | SequenceRule;
export type AnyRule = EventRule | ScheduledRule;
