/** Reads the facts `npm run structure` measures from each source file, with the TypeScript parser. */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SOURCE_DIRS = ["app", "components", "lib", "infra", "scripts", "packages"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts", "sst.config.ts"];

const isTest = (f: string) => /\.(test|integration\.test|spec)\.tsx?$/.test(f) || f.startsWith("test/");

export function listSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules" && !e.name.startsWith(".")) walk(rel);
      } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") && !isTest(rel)) out.push(rel);
    }
  };
  for (const d of SOURCE_DIRS) if (fs.existsSync(path.join(ROOT, d))) walk(d);
  for (const f of ROOT_FILES) if (fs.existsSync(path.join(ROOT, f))) out.push(f);
  return out.sort();
}

export interface FileFacts {
  lines: number;
  functions: { name: string; line: number; lines: number }[];
  imports: string[];
  classes: string[];
  news: string[];
  calls: string[];
  /** Names imported from AWS SDK packages (their clients are the cloud end of an adapter). */
  sdkNames: Set<string>;
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return "(anonymous)";
}

/** Resolves `@/x`, `./x` and `../x` to a source file of the tree, or null for packages. */
function resolveImport(from: string, spec: string, files: Set<string>): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (files.has(c)) return c;
  }
  return null;
}

export function readFacts(file: string, files: Set<string>): FileFacts {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const facts: FileFacts = {
    lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0),
    functions: [],
    imports: [],
    classes: [],
    news: [],
    calls: [],
    sdkNames: new Set(),
  };
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node)
    ) {
      const start = lineOf(node.getStart(sf));
      facts.functions.push({ name: functionName(node), line: start, lines: lineOf(node.getEnd()) - start + 1 });
    }
    if (ts.isImportDeclaration(node) && (node.moduleSpecifier as ts.StringLiteral).text.startsWith("@aws-sdk/")) {
      const named = node.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) for (const e of named.elements) facts.sdkNames.add(e.name.text);
    }
    // Runtime imports only: `import type` / `export type` vanish at compile time.
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      const target = resolveImport(file, (node.moduleSpecifier as ts.StringLiteral).text, files);
      if (target && !typeOnly) facts.imports.push(target);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      const target = arg && ts.isStringLiteral(arg) ? resolveImport(file, arg.text, files) : null;
      if (target) facts.imports.push(target);
    }
    if (ts.isClassDeclaration(node) && node.name) facts.classes.push(node.name.text);
    if (ts.isNewExpression(node)) facts.news.push(node.expression.getText(sf).split(".").pop() ?? "");
    if (ts.isCallExpression(node)) facts.calls.push(node.expression.getText(sf));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return facts;
}
