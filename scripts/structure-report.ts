/**
 * `npm run structure` — measures the shape of the code (not its tests):
 * files over 200 lines, functions over 80 lines, places that construct adapters, import loops and
 * imports that run from a lower layer to a higher one (layers in `scripts/lib/layers.ts`).
 * `--check` exits 1 when a target is missed (CI runs it).
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { COMPOSITION_ROOT, layerOf } from "./lib/layers";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "infra", "scripts", "packages"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts", "sst.config.ts"];
const FILE_LIMIT = 200;
const FUNCTION_LIMIT = 80;

const isAdapterFile = (f: string) =>
  (f.startsWith("lib/adapters/") || f.startsWith("lib/db/")) && f !== COMPOSITION_ROOT;
/** Functions that open an adapter, and the file each lives in. */
const ADAPTER_FUNCTIONS = new Map([
  ["openDatabase", "lib/db/connect.ts"],
  ["startEmbeddedOwner", "lib/db/embedded.ts"],
]);
const isTest = (f: string) => /\.(test|integration\.test|spec)\.tsx?$/.test(f) || f.startsWith("test/");

function listSources(): string[] {
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

interface FileFacts {
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

function readFacts(file: string, files: Set<string>): FileFacts {
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

/** Strongly connected components of more than one file (Tarjan). */
function findLoops(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const loops: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) loops.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return loops;
}

function main() {
  const check = process.argv.includes("--check");
  const verbose = process.argv.includes("--verbose");
  const files = listSources();
  const set = new Set(files);
  const facts = new Map(files.map((f) => [f, readFacts(f, set)] as const));

  const bigFiles = files.filter((f) => (facts.get(f)?.lines ?? 0) > FILE_LIMIT);
  const inLibOrComponents = bigFiles.filter((f) => f.startsWith("lib/") || f.startsWith("components/"));
  const longFunctions = files.flatMap((f) =>
    (facts.get(f)?.functions ?? []).filter((fn) => fn.lines > FUNCTION_LIMIT).map((fn) => ({ file: f, ...fn })),
  );
  // An adapter is a class declared under lib/adapters/ or lib/db/ (or a factory that opens one);
  // an AWS SDK client is the cloud end of one. Building either outside its own file is a construction.
  const adapterHome = new Map<string, string>();
  for (const f of files) {
    if (!isAdapterFile(f)) continue;
    for (const c of facts.get(f)?.classes ?? []) adapterHome.set(c, f);
  }
  for (const [name, home] of ADAPTER_FUNCTIONS) adapterHome.set(name, home);
  const constructsOf = (f: string) => {
    const x = facts.get(f);
    if (!x) return [];
    const built = [...x.news, ...x.calls.map((c) => c.split(".").pop() ?? "")].filter((n) => {
      const home = adapterHome.get(n);
      return (
        (home !== undefined && home !== f) ||
        (x.sdkNames.has(n) && /Client$/.test(n) && x.news.includes(n) && !isAdapterFile(f))
      );
    });
    return [...new Set(built)];
  };
  const places = files.filter((f) => constructsOf(f).length > 0 || f === COMPOSITION_ROOT);
  const graph = new Map(files.map((f) => [f, facts.get(f)?.imports ?? []] as const));
  const loops = findLoops(graph);
  const upward = files.flatMap((f) => {
    const from = layerOf(f);
    return (facts.get(f)?.imports ?? []).flatMap((t) => {
      const to = layerOf(t);
      return from && to && to.rank < from.rank ? [`${f} (${from.name}) → ${t} (${to.name})`] : [];
    });
  });
  const unlayered = files.filter((f) => !layerOf(f));
  const rows: [string, number, number][] = [
    ["source files (outside tests)", files.length, -1],
    [`files over ${FILE_LIMIT} lines (all)`, bigFiles.length, -1],
    [`files over ${FILE_LIMIT} lines in lib/ and components/`, inLibOrComponents.length, 0],
    [`functions over ${FUNCTION_LIMIT} lines`, longFunctions.length, 0],
    ["places that construct adapters", places.length, 1],
    ["import loops", loops.length, 0],
    ["imports from a lower layer to a higher one", upward.length, 0],
    ["files in no layer", unlayered.length, 0],
  ];
  for (const [label, n, target] of rows) {
    console.log(`${label.padEnd(52)} ${String(n).padStart(5)}${target >= 0 ? `   (target ${target})` : ""}`);
  }
  const detail = (title: string, list: string[]) => {
    if (list.length && (verbose || check)) console.log(`\n${title}:\n${list.map((l) => `  ${l}`).join("\n")}`);
  };
  detail(
    `files over ${FILE_LIMIT} lines`,
    bigFiles.map((f) => `${f} ${facts.get(f)?.lines}`),
  );
  detail(
    `functions over ${FUNCTION_LIMIT} lines`,
    longFunctions.map((f) => `${f.file}:${f.line} ${f.name} ${f.lines}`),
  );
  detail(
    "places that construct adapters",
    places.map((f) => `${f}: ${constructsOf(f).join(", ")}`),
  );
  detail(
    "import loops",
    loops.map((l) => l.join(" ↔ ")),
  );
  detail("imports from a lower layer to a higher one", upward);
  detail("files in no layer", unlayered);
  const missed = rows.filter(([, n, target]) => target >= 0 && n > target);
  if (check && missed.length) {
    console.error(`\nstructure: ${missed.map(([l]) => l).join("; ")} — over target`);
    process.exit(1);
  }
}

main();
