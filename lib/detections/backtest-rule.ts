import { requireRole } from "@/lib/auth/require-role";
import { combineStats } from "@/lib/findings/query-stats";
import { BACKTEST_FLOW_MAX_DAYS, BacktestInput, type BacktestResult } from "@/lib/schemas/detections";
import {
  type Evaluation,
  evaluateFlow,
  evaluateScheduled,
  evaluateSigma,
  evaluateTrail,
  type Span,
} from "./backtest-evaluate";
import { backtestSpan, summarizeBacktest } from "./backtest-summary";
import { findRuleOrThrow, type RegisteredRule } from "./rule-registry";
import { type DetectionsCtx, RULE_READERS } from "./rules-ctx";
import { type DetectionTuning, loadTuning } from "./tuning";

function evaluate(ctx: DetectionsCtx, rule: RegisteredRule, span: Span, tuning: DetectionTuning): Promise<Evaluation> {
  const { source } = rule;
  if (source.kind === "sigma") return evaluateSigma(ctx.lake, source.rule, span, tuning);
  const r = source.rule;
  if (r.kind === "cloudtrail") return evaluateTrail(ctx.lake, r, span, tuning);
  if (r.kind === "vpcflow") return evaluateFlow(ctx.lake, r, span, tuning);
  return evaluateScheduled(ctx.lake, r, span, tuning);
}

/**
 * Runs a rule over the last N days of the lake without creating findings, whether it is on or
 * off, with the exceptions in force: what the ETL (per-event rules) or the scheduler (threshold
 * and sequence rules, hour by hour) would have raised. VPC Flow rules read every flow record, so
 * their window is at most 3 days (the result says so). Heavy: the route counts it against the
 * per-person limit on concurrent reports.
 */
export async function backtestRule({
  ctx,
  input,
  now = Date.now(),
}: {
  ctx: DetectionsCtx;
  input: { id: string } & Record<string, unknown>;
  now?: number;
}): Promise<BacktestResult> {
  requireRole(ctx.principal, RULE_READERS);
  const { id, ...rest } = input;
  const { days: asked } = BacktestInput.parse(rest);
  const rule = await findRuleOrThrow(ctx.env, id);
  const days = rule.kind === "vpcflow" ? Math.min(asked, BACKTEST_FLOW_MAX_DAYS) : asked;
  const span = backtestSpan(days, now);
  const ran = await evaluate(ctx, rule, span, await loadTuning(ctx.db));
  const notes = [
    ...(days < asked
      ? [
          `VPC Flow rules read every flow record, so a backtest covers at most ${BACKTEST_FLOW_MAX_DAYS} days: these are the last ${days}.`,
        ]
      : []),
    ...ran.notes,
  ];
  return {
    ruleId: rule.id,
    days,
    window: { from: new Date(span.fromMs).toISOString(), to: new Date(span.toMs).toISOString() },
    notes,
    ...summarizeBacktest(span.days, ran.findings, ran.events),
    stats: combineStats(ctx.lake, ran.stats, true),
  };
}
