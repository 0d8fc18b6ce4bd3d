import fs from "node:fs";
import path from "node:path";
import type { WorkflowName } from "@/lib/ports/workflow-engine";

/** ASL as in the repo: `${Name}` placeholders stand for ARNs that differ per environment. */
export const aslPath = (workflow: WorkflowName) => path.resolve(process.cwd(), "workflows", `${workflow}.asl.json`);
export const readAsl = (workflow: WorkflowName): string => fs.readFileSync(aslPath(workflow), "utf8");

/** Placeholders a definition uses. */
export const placeholdersOf = (asl: string) =>
  [...new Set([...asl.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1] as string))].sort();

/** The definition with every placeholder replaced; a missing value is an error, not a silent "${…}". */
export function renderAsl(workflow: WorkflowName, values: Record<string, string>): Record<string, unknown> {
  const asl = readAsl(workflow);
  const missing = placeholdersOf(asl).filter((p) => !(p in values));
  if (missing.length) throw new Error(`No value for ${missing.join(", ")} in ${workflow}`);
  return JSON.parse(asl.replace(/\$\{(\w+)\}/g, (_m, k: string) => values[k] as string)) as Record<string, unknown>;
}

interface StateDef {
  Type: string;
  Resource?: string;
  Branches?: { States: Record<string, StateDef> }[];
  ItemProcessor?: { States: Record<string, StateDef> };
  Iterator?: { States: Record<string, StateDef> };
}

/** Every Task state (also inside Parallel branches and Map iterators), with its Resource. */
export function taskStates(def: { States: Record<string, StateDef> }): { name: string; resource: string }[] {
  const out: { name: string; resource: string }[] = [];
  const walk = (states: Record<string, StateDef>) => {
    for (const [name, s] of Object.entries(states)) {
      if (s.Type === "Task") out.push({ name, resource: s.Resource ?? "" });
      for (const b of s.Branches ?? []) walk(b.States);
      if (s.ItemProcessor) walk(s.ItemProcessor.States);
      if (s.Iterator) walk(s.Iterator.States);
    }
  };
  walk(def.States);
  return out;
}

/** Local rendering: function ARNs name the bound handler. */
export const localArns = (workflow: WorkflowName) =>
  Object.fromEntries(
    placeholdersOf(readAsl(workflow)).map((p) => [
      p,
      `arn:aws:lambda:us-east-1:000000000000:function:sightline-${p.replace(/FunctionArn$/, "")}`,
    ]),
  );
