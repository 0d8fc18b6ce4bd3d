import path from "node:path";
import { AppError } from "@/lib/errors";
import type { Severity } from "@/lib/lake/severity";
import type { RuleKind } from "@/lib/schemas/detections";
import { ALL_RULES } from "./catalog";
import type { AnyRule, Runbook } from "./rule";
import { loadSigmaRules } from "./sigma/load-sigma-rules";
import type { CompiledSigmaRule, UnsupportedSigmaRule } from "./sigma/types";
import type { Tactic } from "./tactics";

/** A rule of any origin, as the admin views describe it: a built-in rule, or a Sigma rule compiled from a file. */
export interface RegisteredRule {
  id: string;
  title: string;
  kind: RuleKind;
  severity: Severity;
  tactic: Tactic | null;
  techniques: string[];
  description: string;
  runbook: Runbook | null;
  references: string[];
  enabledByDefault: boolean;
  source: { kind: "built-in"; rule: AnyRule } | { kind: "sigma"; rule: CompiledSigmaRule };
}

export interface RuleRegistry {
  rules: RegisteredRule[];
  sigmaDir: string;
  unsupported: UnsupportedSigmaRule[];
}

/** Where Sigma rules are read from: `SIGHTLINE_SIGMA_DIR`, else `<data dir>/rules/sigma`. */
export const sigmaDirOf = (env: { dataDir: string; SIGHTLINE_SIGMA_DIR?: string }) =>
  path.resolve(env.SIGHTLINE_SIGMA_DIR ?? path.join(env.dataDir, "rules", "sigma"));

const builtIn = (rule: AnyRule): RegisteredRule => ({
  id: rule.id,
  title: rule.title,
  kind: rule.kind,
  severity: rule.severity,
  tactic: rule.tactic,
  techniques: rule.techniques,
  description: rule.description,
  runbook: rule.runbook,
  references: rule.references,
  enabledByDefault: rule.enabledByDefault !== false,
  source: { kind: "built-in", rule },
});

const sigma = (rule: CompiledSigmaRule): RegisteredRule => ({
  id: rule.id,
  title: rule.title,
  kind: "sigma",
  severity: rule.severity,
  tactic: rule.tactic,
  techniques: rule.techniques,
  description: rule.description,
  // A Sigma rule brings its false positives; checking and containing are the analyst's.
  runbook: rule.falsePositives.length ? { check: [], contain: [], falsePositives: rule.falsePositives } : null,
  references: rule.references,
  enabledByDefault: true,
  source: { kind: "sigma", rule },
});

/** The Sigma rules of a directory; a directory that does not exist holds none. */
async function sigmaRulesIn(dir: string): Promise<{ rules: CompiledSigmaRule[]; unsupported: UnsupportedSigmaRule[] }> {
  try {
    return await loadSigmaRules(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { rules: [], unsupported: [] };
    throw new AppError("unavailable", `The Sigma rules in ${dir} could not be read: ${(err as Error).message}`);
  }
}

/** Every rule: the built-in catalog, then the Sigma rules of the configured directory (read now, so edits show at once). */
export async function loadRuleRegistry(env: { dataDir: string; SIGHTLINE_SIGMA_DIR?: string }): Promise<RuleRegistry> {
  const sigmaDir = sigmaDirOf(env);
  const loaded = await sigmaRulesIn(sigmaDir);
  const ids = new Set(ALL_RULES.map((r) => r.id));
  const clashing = loaded.rules.filter((r) => ids.has(r.id));
  return {
    rules: [...ALL_RULES.map(builtIn), ...loaded.rules.filter((r) => !ids.has(r.id)).map(sigma)],
    sigmaDir,
    unsupported: [
      ...loaded.unsupported,
      ...clashing.map((r) => ({ file: r.file, title: r.title, reason: `rule id ${r.id} is a built-in rule's` })),
    ],
  };
}

/** One rule by id, or not_found. */
export async function findRuleOrThrow(
  env: { dataDir: string; SIGHTLINE_SIGMA_DIR?: string },
  id: string,
): Promise<RegisteredRule> {
  const rule = (await loadRuleRegistry(env)).rules.find((r) => r.id === id);
  if (!rule) throw new AppError("not_found", `There is no rule "${id}"`);
  return rule;
}
