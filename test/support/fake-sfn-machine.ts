import type { Json, WorkflowName } from "@/lib/ports/workflow-engine";
import { localArns, renderAsl } from "@/lib/workflows/definitions";

export interface CallbackState {
  name: string;
  /** Where the task's output goes in the state's input (`null`: discarded, `$`: replaces it). */
  resultPath: string | null;
  /** The task's timeout for an execution input, as Step Functions reads it (the raw state input). */
  timeoutSeconds(input: Json): number | null;
}

interface AslState {
  Type: string;
  Resource?: string;
  ResultPath?: string | null;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
}

const pathKeys = (path: string) =>
  path
    .replace(/^\$\.?/, "")
    .split(".")
    .filter(Boolean);

/** The value at a simple `$.a.b` path. */
function valueAt(input: Json, path: string): Json | undefined {
  let at: Json | undefined = input;
  for (const k of pathKeys(path)) at = at && typeof at === "object" && !Array.isArray(at) ? at[k] : undefined;
  return at;
}

/** The first callback (`.waitForTaskToken`) state at the top level of the workflow's ASL in the repo. */
export function callbackStateOf(workflow: WorkflowName): CallbackState {
  const asl = renderAsl(workflow, localArns(workflow)) as { States: Record<string, AslState> };
  const found = Object.entries(asl.States).find(
    ([, s]) => s.Type === "Task" && s.Resource?.endsWith(".waitForTaskToken"),
  );
  if (!found) throw new Error(`fake Step Functions: ${workflow} has no top-level callback state`);
  const [name, state] = found;
  return {
    name,
    resultPath: state.ResultPath === undefined ? "$" : state.ResultPath,
    timeoutSeconds(input) {
      if (state.TimeoutSeconds !== undefined) return state.TimeoutSeconds;
      if (!state.TimeoutSecondsPath) return null;
      const v = valueAt(input, state.TimeoutSecondsPath);
      return typeof v === "number" ? v : null;
    },
  };
}

/** The state's input with the task's output placed at `resultPath`, as Step Functions' ResultPath does. */
export function withResult(input: Json, resultPath: string | null, output: unknown): Json {
  if (resultPath === null) return input;
  const keys = pathKeys(resultPath);
  if (keys.length === 0) return output as Json;
  const copy = structuredClone(input ?? {}) as Record<string, Json>;
  let at = copy;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== "object") at[k] = {};
    at = at[k] as Record<string, Json>;
  }
  at[keys[keys.length - 1] as string] = output as Json;
  return copy;
}
