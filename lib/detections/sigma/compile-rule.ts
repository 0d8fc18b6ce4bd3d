/**
 * One Sigma rule document (parsed YAML) → a compiled rule: its metadata in Sightline's terms
 * (severity, ATT&CK tactic and techniques) and its detection as SQL over `cloudtrail`.
 */
import { z } from "zod";
import type { Severity } from "@/lib/lake/severity";
import { TACTIC_NAMES, type Tactic } from "../tactics";
import { compileDetection } from "./detection";
import { type CompiledSigmaRule, SIGMA_LEVELS, type SigmaLevel, SigmaUnsupported } from "./types";

const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

const SigmaRuleDoc = z.looseObject({
  title: z.string().min(1),
  id: z.string().min(1).nullish(),
  status: z.string().nullish(),
  description: z.string().nullish(),
  references: strings,
  tags: strings,
  level: z.enum(SIGMA_LEVELS).nullish(),
  falsepositives: z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((v) => (typeof v === "string" ? [v] : (v ?? []))),
  logsource: z.looseObject({
    product: z.string().nullish(),
    service: z.string().nullish(),
    category: z.string().nullish(),
  }),
  detection: z.record(z.string(), z.unknown()),
});

const SEVERITY: Record<SigmaLevel, Severity> = { informational: 1, low: 2, medium: 3, high: 4, critical: 5 };

/** The title, when the document has one, for listing a rule that did not compile. */
export const titleOf = (doc: unknown): string | null =>
  typeof doc === "object" && doc !== null && "title" in doc && typeof doc.title === "string" ? doc.title : null;

export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");

/** `attack.privilege_escalation` (v1) or `attack.privilege-escalation` (v2) → a tactic; `attack.t1098.001` → "T1098.001". */
function attackOf(tags: string[]): { tactics: Tactic[]; techniques: string[] } {
  const tactics: Tactic[] = [];
  const techniques: string[] = [];
  for (const tag of tags.map((t) => t.toLowerCase())) {
    if (!tag.startsWith("attack.")) continue;
    const name = tag.slice("attack.".length).replace(/_/g, "-");
    const tactic = TACTIC_NAMES.find((t) => t === name);
    if (tactic && !tactics.includes(tactic)) tactics.push(tactic);
    const technique = /^t(\d{4})(\.\d{3})?$/.exec(name);
    if (technique) {
      const id = `T${technique[1]}${technique[2] ?? ""}`;
      if (!techniques.includes(id)) techniques.push(id);
    }
  }
  return { tactics, techniques };
}

function checkLogsource(ls: { product?: string | null; service?: string | null; category?: string | null }) {
  const product = ls.product?.toLowerCase();
  const service = ls.service?.toLowerCase();
  if (product === "aws" && service === "cloudtrail" && !ls.category) return;
  const shown = Object.entries(ls)
    .filter(([, v]) => typeof v === "string")
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  throw new SigmaUnsupported(
    `logsource {${shown}} is not compiled: only logsource product: aws, service: cloudtrail (without a category) is`,
  );
}

/** Throws `SigmaUnsupported` with the exact reason when the document is not a rule this compiles. */
export function compileSigmaRule(doc: unknown, file: string): CompiledSigmaRule {
  if (typeof doc === "object" && doc !== null && "correlation" in doc)
    throw new SigmaUnsupported("correlation rules are not supported");
  const parsed = SigmaRuleDoc.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "rule"}: ${i.message}`);
    throw new SigmaUnsupported(`not a valid Sigma rule: ${issues.join("; ")}`);
  }
  const rule = parsed.data;
  checkLogsource(rule.logsource);
  const where = compileDetection(rule.detection);
  const id = slug(rule.id ?? rule.title);
  if (!id) throw new SigmaUnsupported("neither the id nor the title gives a usable rule id");
  const level = rule.level ?? "medium";
  const { tactics, techniques } = attackOf(rule.tags);
  return {
    id: `sigma-${id}`,
    sigmaId: rule.id ?? null,
    title: rule.title,
    description: rule.description ?? "",
    status: rule.status ?? null,
    level,
    severity: SEVERITY[level],
    tactic: tactics[0] ?? null,
    tactics,
    techniques,
    references: rule.references,
    falsePositives: rule.falsepositives,
    file,
    where,
  };
}
