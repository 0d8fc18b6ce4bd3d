import type { Severity } from "@/lib/lake/severity";
import type { LakeDialect } from "@/lib/ports/lake-query";
import type { Tactic } from "../tactics";

/** A piece of SQL written for an engine: compiled once, rendered per dialect. */
export type Sql = (d: LakeDialect) => string;

/** A rule (or a part of one) this compiler cannot turn into SQL; the message names exactly what and why. */
export class SigmaUnsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SigmaUnsupported";
  }
}

export const SIGMA_LEVELS = ["informational", "low", "medium", "high", "critical"] as const;
export type SigmaLevel = (typeof SIGMA_LEVELS)[number];

/** A Sigma rule over CloudTrail, compiled to a condition on the lake's `cloudtrail` table. */
export interface CompiledSigmaRule {
  /** `sigma-` + the rule's id (lower-case), or a slug of its title when it has none. */
  id: string;
  /** The rule's own `id`, as written. */
  sigmaId: string | null;
  title: string;
  description: string;
  status: string | null;
  level: SigmaLevel;
  /** informational 1, low 2, medium 3, high 4, critical 5. */
  severity: Severity;
  /** The first ATT&CK tactic among the tags, null when none. */
  tactic: Tactic | null;
  tactics: Tactic[];
  /** ATT&CK technique ids from `attack.tNNNN[.NNN]` tags, e.g. "T1098.001". */
  techniques: string[];
  references: string[];
  falsePositives: string[];
  /** The file it came from, relative to the directory loaded. */
  file: string;
  /** One SQL boolean expression over the `cloudtrail` table's columns; literals only, no `?`. */
  where(d: LakeDialect): string;
}

/** A file, or a rule in it, that was not compiled, and why. */
export interface UnsupportedSigmaRule {
  file: string;
  /** The rule's title when it could be read. */
  title: string | null;
  reason: string;
}

export interface SigmaRuleSet {
  rules: CompiledSigmaRule[];
  unsupported: UnsupportedSigmaRule[];
}
