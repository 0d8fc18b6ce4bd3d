import { z } from "zod";
import type { TacticId } from "./attack";
import type { QueryStats } from "./lake-view";

/** What a rule reads and how it decides. */
export const RULE_KINDS = ["cloudtrail", "vpcflow", "threshold", "sequence", "sigma"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  cloudtrail: "CloudTrail event",
  vpcflow: "VPC Flow event",
  threshold: "Threshold",
  sequence: "Sequence",
  sigma: "Sigma",
};

/** A rule's id as findings carry it (`finding_type` = `Sightline:<id>`). */
export const RuleId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,199}$/, "A rule id is lower-case letters, digits and hyphens");
export const RuleParams = z.object({ id: RuleId }).strict();
export const ExceptionParams = z
  .object({ id: RuleId, exceptionId: z.string().regex(/^\d{1,18}$/, "An exception id is a number") })
  .strict();

const SEVERITY_HELP = "Pick a severity from 1 (informational) to 5 (critical), or null for the rule's own";
export const UpdateRuleInput = z
  .object({
    enabled: z.boolean({ error: "Say whether the rule is on (true) or off (false)" }).optional(),
    severity: z
      .number({ error: SEVERITY_HELP })
      .int(SEVERITY_HELP)
      .min(1, SEVERITY_HELP)
      .max(5, SEVERITY_HELP)
      .nullish(),
  })
  .strict()
  .refine((v) => v.enabled !== undefined || v.severity !== undefined, "Change at least one thing: enabled or severity");
export type UpdateRuleInput = z.infer<typeof UpdateRuleInput>;

export const EXCEPTION_KINDS = ["principal", "resource", "ip"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

const VALUE_HELP = "Give the principal, resource or address the rule should leave alone";
export const AddExceptionInput = z
  .object({
    kind: z.enum(EXCEPTION_KINDS, { error: "Pick what the exception names: a principal, a resource or an IP address" }),
    value: z
      .string({ error: VALUE_HELP })
      .trim()
      .min(1, VALUE_HELP)
      .max(300, "Keep the value under 300 characters")
      .refine(
        (s) => !s.slice(0, -1).includes("*"),
        "Only a trailing * is allowed (it matches every value that starts so)",
      )
      .refine((s) => s.replace(/\*$/, "").length >= 3, "Give at least 3 characters before the *"),
    reason: z
      .string({ error: "Say why the rule should not raise for this" })
      .trim()
      .min(1, "Say why the rule should not raise for this")
      .max(500, "Keep the reason under 500 characters"),
    expiresAt: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), "Give the expiry as a date")
      .refine((s) => Date.parse(s) > Date.now(), "The expiry must be in the future")
      .optional(),
  })
  .strict();
export type AddExceptionInput = z.infer<typeof AddExceptionInput>;

export const BACKTEST_MAX_DAYS = 30;
/** VPC Flow rules read every flow record of the window: their backtest reads at most this many days. */
export const BACKTEST_FLOW_MAX_DAYS = 3;
export const BacktestInput = z
  .object({
    days: z
      .number({ error: "Pick how many days to look back: 1 to 30" })
      .int("Pick a whole number of days")
      .min(1, "Look back at least 1 day")
      .max(BACKTEST_MAX_DAYS, `Look back at most ${BACKTEST_MAX_DAYS} days`)
      .default(7),
  })
  .strict();
export type BacktestInput = z.infer<typeof BacktestInput>;

export interface RuleException {
  id: string;
  ruleId: string;
  kind: ExceptionKind;
  value: string;
  reason: string;
  expiresAt: string | null;
  createdBy: string;
  createdAt: string;
  /** Not expired (deleted ones are not listed). */
  active: boolean;
}

export interface RuleSummary {
  id: string;
  title: string;
  kind: RuleKind;
  /** In force: the admin's override when there is one, else the rule's own. */
  severity: number;
  defaultSeverity: number;
  tactic: TacticId | null;
  techniques: string[];
  /** In force: the admin's setting when there is one, else whether the rule ships on. */
  enabled: boolean;
  enabledByDefault: boolean;
  hits24h: number;
  hits7d: number;
  /** When its latest finding was last seen (within 30 days), or null. */
  lastFired: string | null;
  findings30d: number;
  falsePositives30d: number;
  /** falsePositives30d / findings30d; null without findings. */
  falsePositiveShare: number | null;
  exceptions: RuleException[];
}

export interface UnsupportedSigmaFile {
  file: string;
  title: string | null;
  reason: string;
}

export interface RulesList {
  rules: RuleSummary[];
  /** Where Sigma rules are read from, and the files there that did not compile (with why). */
  sigmaDir: string;
  unsupportedSigma: UnsupportedSigmaFile[];
  stats: QueryStats;
}

export interface RuleDetail {
  rule: RuleSummary & {
    description: string;
    runbook: { check: string[]; contain: string[]; falsePositives: string[] } | null;
    references: string[];
    fixtures: number;
    /** Per-event CloudTrail rules: the event names they look at ("*": every event of the root user). */
    events: string[];
    /** Threshold and sequence rules: the window, the threshold, the steps in order. */
    windowMinutes: number | null;
    threshold: number | null;
    steps: string[];
    /** Scheduled and Sigma rules: the SQL they run, in the lake engine's dialect. */
    sql: { engine: "duckdb" | "athena"; text: string } | null;
    /** Sigma rules: the file they were read from. */
    file: string | null;
  };
}

export interface BacktestSample {
  time: string;
  eventName: string | null;
  principal: string | null;
  sourceAddress: string | null;
  eventId: string;
}

export interface BacktestResult {
  ruleId: string;
  days: number;
  window: { from: string; to: string };
  /** Set when the window was shortened or rows were capped, saying so in words. */
  notes: string[];
  /** Every UTC day of the window, zeros included: matching events and findings that would start then. */
  perDay: { day: string; hits: number; findings: number }[];
  hits: number;
  wouldCreate: number;
  topPrincipals: { value: string; count: number }[];
  topResources: { value: string; count: number }[];
  samples: BacktestSample[];
  stats: QueryStats;
}

export interface RunDetectionsResult {
  evaluated: number;
  findings: number;
  raised: number;
}
