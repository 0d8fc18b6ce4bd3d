/**
 * Every Sigma rule file under a directory, compiled or listed as unsupported with its reason —
 * no file is skipped silently: a YAML error, an empty file or a rule collection is listed too.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { type Document, parseAllDocuments, visit } from "yaml";
import { compileSigmaRule, titleOf } from "./compile-rule";
import { type CompiledSigmaRule, type SigmaRuleSet, SigmaUnsupported } from "./types";

const RULE_FILE = /\.ya?ml$/i;

/** Rule files under `dir`, as paths relative to it with `/` separators, in a stable order. */
async function ruleFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && RULE_FILE.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * A number written so that it does not read back the same (`012345678901`, `1.0`, `0x1F`) keeps its
 * text: Sigma matches values as written, and an account id must not lose its leading zero.
 */
function keepNumberText(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "number" && node.source !== undefined && String(node.value) !== node.source)
        node.value = node.source;
    },
  });
}

/** The documents of one file, or why the file as a whole is not compiled. */
function documentsOf(text: string): unknown[] | string {
  const docs = parseAllDocuments(text);
  const broken = docs.flatMap((d) => d.errors)[0];
  // The message's first line names the problem and its line and column; the rest is a source excerpt.
  if (broken) return `YAML syntax error: ${broken.message.split("\n")[0]?.replace(/:$/, "")}`;
  let values: unknown[];
  try {
    values = docs.map((d) => {
      keepNumberText(d);
      return d.toJS() as unknown;
    });
  } catch (err) {
    // toJS refuses documents that expand too many aliases (a "billion laughs" file).
    return `YAML could not be read: ${(err as Error).message}`;
  }
  const content = values.filter((v) => v !== null && v !== undefined);
  if (content.length === 0) return "the file holds no rule";
  if (content.some((v) => typeof v === "object" && v !== null && "action" in v))
    return "rule collections (documents with action: global/reset/repeat) are not supported";
  return content;
}

/** Compiles every document of a file into `out`; a rule id used before is listed, not compiled twice. */
function compileFile(file: string, text: string, out: SigmaRuleSet, seen: Map<string, string>): void {
  const docs = documentsOf(text);
  if (typeof docs === "string") {
    out.unsupported.push({ file, title: null, reason: docs });
    return;
  }
  for (const doc of docs) {
    const title = titleOf(doc);
    try {
      const rule: CompiledSigmaRule = compileSigmaRule(doc, file);
      const first = seen.get(rule.id);
      if (first) {
        out.unsupported.push({ file, title, reason: `rule id ${rule.id} is already used by ${first}` });
        continue;
      }
      seen.set(rule.id, file);
      out.rules.push(rule);
    } catch (err) {
      if (!(err instanceof SigmaUnsupported)) throw err;
      out.unsupported.push({ file, title, reason: err.message });
    }
  }
}

/**
 * Reads every *.yml / *.yaml file under `dir` (recursively). Rules over `logsource: product: aws,
 * service: cloudtrail` compile to SQL over the lake's `cloudtrail` table; everything else is in
 * `unsupported` with the exact reason. An unreadable directory or file throws.
 */
export async function loadSigmaRules(dir: string): Promise<SigmaRuleSet> {
  const out: SigmaRuleSet = { rules: [], unsupported: [] };
  const seen = new Map<string, string>();
  for (const file of await ruleFiles(dir)) {
    compileFile(file, await fs.readFile(path.join(dir, file), "utf8"), out, seen);
  }
  return out;
}
