/**
 * `npm run structure` — measures the shape of the code (tests left out): files over 200 lines,
 * functions over 80 lines, places that construct adapters, import loops, imports that run from a
 * lower layer to a higher one (layers in `scripts/lib/layers.ts`), and what infra reaches in lib/.
 * `--verbose` lists the items; `--check` also exits 1 when a measure is over its target (lint runs it).
 */

import { listSources, readFacts } from "./lib/source-facts";
import { measureStructure } from "./lib/structure-measures";

const check = process.argv.includes("--check");
const verbose = process.argv.includes("--verbose");
const files = listSources();
const known = new Set(files);
const measures = measureStructure(files, new Map(files.map((f) => [f, readFacts(f, known)] as const)));

for (const m of measures) {
  const target = m.target === null ? "" : `   (target ${m.target})`;
  console.log(`${m.label.padEnd(58)} ${String(m.items.length).padStart(5)}${target}`);
}
const over = measures.filter((m) => m.target !== null && m.items.length > m.target);
for (const m of measures.filter((m) => m.target !== null && m.items.length && (verbose || over.includes(m)))) {
  console.log(`\n${m.label}:\n${m.items.map((i) => `  ${i}`).join("\n")}`);
}
if (check && over.length) {
  console.error(`\nstructure: over target — ${over.map((m) => m.label).join("; ")}`);
  process.exit(1);
}
