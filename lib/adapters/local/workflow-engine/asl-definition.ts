import type { Json, WorkflowName } from "@/lib/ports/workflow-engine";
import { localArns, renderAsl, taskStates } from "@/lib/workflows/definitions";

/** The parts of an ASL definition the engine reads; the rest passes through to the interpreter. */
export type Definition = { StartAt: string; States: Record<string, { Type: string; Resource?: string }> };

/** The definition started at `state`, keeping only the states reachable from there (a valid machine). */
export function reenterAt(def: Definition, state: string): Definition {
  const keep = new Set<string>();
  const todo = [state];
  while (todo.length) {
    const name = todo.pop() as string;
    if (keep.has(name)) continue;
    keep.add(name);
    const s = def.States[name] as {
      Next?: string;
      Default?: string;
      Choices?: { Next: string }[];
      Catch?: { Next: string }[];
    };
    for (const n of [s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next), ...(s.Catch ?? []).map((c) => c.Next)])
      if (n) todo.push(n);
  }
  return {
    ...def,
    StartAt: state,
    States: Object.fromEntries(Object.entries(def.States).filter(([n]) => keep.has(n))),
  };
}

/** A copy of `input` with the value at a simple `$.a.b` path replaced (no path: unchanged). */
export function withValueAt(input: Record<string, Json>, path: string | undefined, value: Json): Record<string, Json> {
  if (!path) return input;
  const keys = path
    .replace(/^\$\.?/, "")
    .split(".")
    .filter(Boolean);
  const copy = structuredClone(input);
  let at = copy as Record<string, Json>;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== "object") at[k] = {};
    at = at[k] as Record<string, Json>;
  }
  at[keys[keys.length - 1] as string] = value;
  return copy;
}

/** The path of the `Parameters` field (`a.b` for `{ a: { "b.$": target } }`) that copies `target`, if any. */
function parameterCopying(obj: unknown, target: string, at: string[]): string[] | null {
  if (!obj || typeof obj !== "object") return null;
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (k.endsWith(".$") && v === target) return [...at, k.slice(0, -2)];
    const hit = parameterCopying(v, target, [...at, k]);
    if (hit) return hit;
  }
  return null;
}

/**
 * aws-local-stepfunctions evaluates a Task's `TimeoutSecondsPath` against the state's effective
 * input (after `Parameters`), Step Functions against the raw state input. So that the same ASL
 * means the same here, the path is pointed at the `Parameters` field that copies that value.
 */
function localTimeoutPaths(def: Definition): Definition {
  const copy = structuredClone(def) as Definition;
  for (const [name, st] of Object.entries(copy.States)) {
    const s = st as { TimeoutSecondsPath?: string; Parameters?: unknown };
    if (!s.TimeoutSecondsPath) continue;
    const at = parameterCopying(s.Parameters, s.TimeoutSecondsPath, []);
    if (!at) throw new Error(`${name}: TimeoutSecondsPath must also be passed in Parameters for the local engine`);
    s.TimeoutSecondsPath = `$.${at.join(".")}`;
  }
  return copy;
}

/**
 * The workflow's ASL as the local engine runs it, and each callback state's `TimeoutSecondsPath`
 * as written in the ASL (the state input's field, which a resumed execution rewrites).
 */
export function localDefinition(workflow: WorkflowName): {
  definition: Definition;
  timeoutPaths: Record<string, string>;
} {
  const asl = renderAsl(workflow, localArns(workflow)) as unknown as Definition;
  const timeoutPaths = Object.fromEntries(
    Object.entries(asl.States).flatMap(([name, st]) => {
      const p = (st as { TimeoutSecondsPath?: string }).TimeoutSecondsPath;
      return p ? [[name, p]] : [];
    }),
  );
  return { definition: localTimeoutPaths(asl), timeoutPaths };
}

/** Task states of the definition without a handler. */
export const unboundTasks = (def: Definition, handlers: Record<string, unknown>) =>
  taskStates(def).filter((t) => !handlers[t.name]);
