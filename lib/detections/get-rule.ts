import { requireRole } from "@/lib/auth/require-role";
import type { RuleDetail } from "@/lib/schemas/detections";
import type { AnyRule } from "./rule";
import { findRuleOrThrow } from "./rule-registry";
import { listExceptions, listSettings } from "./rule-settings-store";
import { ruleSql } from "./rule-sql";
import { ruleHitStats } from "./rule-stats";
import { summaryOf } from "./rule-summary";
import { type DetectionsCtx, RULE_READERS } from "./rules-ctx";

/** How many fixtures prove the rule: events (or raw objects) that must fire and that must not. */
function fixturesOf(rule: AnyRule): number {
  if (rule.kind === "cloudtrail" || rule.kind === "vpcflow")
    return rule.fixtures.fire.length + rule.fixtures.quiet.length;
  return rule.fixtures.fire.objects.length + rule.fixtures.quiet.objects.length;
}

/** What each kind says about how it decides: event names, window, threshold, steps. */
function shapeOf(rule: AnyRule | null): Pick<RuleDetail["rule"], "events" | "windowMinutes" | "threshold" | "steps"> {
  const none = { events: [], windowMinutes: null, threshold: null, steps: [] };
  if (!rule) return none;
  if (rule.kind === "cloudtrail") return { ...none, events: [...rule.events] };
  if (rule.kind === "threshold") return { ...none, windowMinutes: rule.windowMinutes, threshold: rule.threshold };
  if (rule.kind === "sequence")
    return { ...none, windowMinutes: rule.windowMinutes, steps: rule.steps.map((s) => s.title) };
  return none;
}

/**
 * One rule with its runbook, references and fixtures, its exceptions (who added each, when, why,
 * until when; expired ones included), its findings' numbers, and for scheduled and Sigma rules the
 * SQL it runs in the lake engine's dialect.
 */
export async function getRule({
  ctx,
  input,
  now = Date.now(),
}: {
  ctx: DetectionsCtx;
  input: { id: string };
  now?: number;
}): Promise<RuleDetail> {
  requireRole(ctx.principal, RULE_READERS);
  const rule = await findRuleOrThrow(ctx.env, input.id);
  const settings = await listSettings(ctx.db, rule.id);
  const exceptions = await listExceptions(ctx.db, rule.id);
  const { byType } = await ruleHitStats(ctx, { now, ruleId: rule.id });
  const builtIn = rule.source.kind === "built-in" ? rule.source.rule : null;
  const sql = ruleSql(rule, ctx.lake.dialect, now);
  return {
    rule: {
      ...summaryOf(rule, settings.get(rule.id), exceptions, byType.get(`Sightline:${rule.id}`)),
      exceptions,
      description: rule.description,
      runbook: rule.runbook,
      references: rule.references,
      fixtures: builtIn ? fixturesOf(builtIn) : 0,
      ...shapeOf(builtIn),
      sql: sql === null ? null : { engine: ctx.lake.dialect.engine, text: sql },
      file: rule.source.kind === "sigma" ? rule.source.rule.file : null,
    },
  };
}
