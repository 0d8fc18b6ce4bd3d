import { requireRole } from "@/lib/auth/require-role";
import { combineStats } from "@/lib/findings/query-stats";
import type { RulesList } from "@/lib/schemas/detections";
import { loadRuleRegistry } from "./rule-registry";
import { listExceptions, listSettings } from "./rule-settings-store";
import { ruleHitStats } from "./rule-stats";
import { summaryOf } from "./rule-summary";
import { type DetectionsCtx, RULE_READERS } from "./rules-ctx";

/**
 * Every rule — the built-in catalog and the Sigma rules of the configured directory (with the files
 * that did not compile and why) — with its settings in force, its active exceptions and what its
 * findings of the last 30 days say (one lake query for all rules).
 */
export async function listRules({ ctx, now }: { ctx: DetectionsCtx; now?: number }): Promise<RulesList> {
  requireRole(ctx.principal, RULE_READERS);
  const registry = await loadRuleRegistry(ctx.env);
  const settings = await listSettings(ctx.db);
  const exceptions = await listExceptions(ctx.db);
  const { byType, stats } = await ruleHitStats(ctx, { now });
  return {
    rules: registry.rules.map((r) => summaryOf(r, settings.get(r.id), exceptions, byType.get(`Sightline:${r.id}`))),
    sigmaDir: registry.sigmaDir,
    unsupportedSigma: registry.unsupported,
    stats: combineStats(ctx.lake, [stats], true),
  };
}
