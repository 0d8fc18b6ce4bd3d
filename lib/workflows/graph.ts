/**
 * A state machine's real shape, read from its ASL: every state (also inside Parallel branches and
 * Map iterators) with every way out of it — `Next`, each Choice rule and its `Default`, and each
 * `Catch` — labelled the way a reader would say it.
 */

export type EdgeKind = "next" | "choice" | "default" | "catch";

export interface GraphEdge {
  to: string;
  kind: EdgeKind;
  /** "plan = instance", "otherwise", "rejected", "timed out", "error"; null for a plain Next. */
  label: string | null;
}

export interface GraphState {
  name: string;
  type: string;
  /** The state ends its scope (`End: true`, Succeed or Fail). */
  end: boolean;
  edges: GraphEdge[];
  /** A Parallel's branches (a Map's iterator is its one branch). */
  branches: GraphScope[];
}

export interface GraphScope {
  startAt: string;
  states: GraphState[];
}

interface AslRule {
  Variable?: string;
  Next?: string;
  And?: AslRule[];
  Or?: AslRule[];
  Not?: AslRule;
  [op: string]: unknown;
}

interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: AslRule[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Branches?: AslScope[];
  ItemProcessor?: AslScope;
  Iterator?: AslScope;
}

interface AslScope {
  StartAt: string;
  States: Record<string, AslState>;
}

const OPERATORS: [RegExp, string][] = [
  [/^(String|Numeric|Boolean|Timestamp)Equals(Path)?$/, "="],
  [/^(String|Numeric|Timestamp)LessThanEquals(Path)?$/, "≤"],
  [/^(String|Numeric|Timestamp)LessThan(Path)?$/, "<"],
  [/^(String|Numeric|Timestamp)GreaterThanEquals(Path)?$/, "≥"],
  [/^(String|Numeric|Timestamp)GreaterThan(Path)?$/, ">"],
  [/^StringMatches$/, "matches"],
];

/** `$.enrichment.value.plan` → `plan`; `$.checks[1].flagged` → `flagged`. */
const fieldOf = (path: string) =>
  path
    .replace(/\[\d+\]/g, "")
    .split(".")
    .pop() ?? path;

/** A Choice rule as a short condition: `plan = instance`, `flagged = true`, `not done = true`. */
export function describeRule(rule: AslRule): string {
  if (rule.And) return [...new Set(rule.And.map(describeRule))].join(" and ");
  if (rule.Or) return [...new Set(rule.Or.map(describeRule))].join(" or ");
  if (rule.Not) return `not ${describeRule(rule.Not)}`;
  const field = fieldOf(rule.Variable ?? "");
  for (const [key, value] of Object.entries(rule)) {
    if (key === "Variable" || key === "Next") continue;
    if (key === "IsPresent") return value ? `has ${field}` : `no ${field}`;
    if (key.startsWith("Is")) return `${field} ${value ? "is" : "is not"} ${key.slice(2).toLowerCase()}`;
    const op = OPERATORS.find(([re]) => re.test(key))?.[1];
    const shown = key.endsWith("Path") ? fieldOf(String(value)) : String(value);
    if (op) return `${field} ${op} ${shown}`;
  }
  return field;
}

/** The error names a Catch handles, as a reader would say them. */
export function describeErrors(errors: string[]): string {
  const words = errors.map((e) =>
    e === "States.ALL"
      ? "error"
      : e === "States.Timeout"
        ? "timed out"
        : e === "States.TaskFailed"
          ? "task failed"
          : e.replace(/^States\./, "").toLowerCase(),
  );
  return [...new Set(words)].join(", ");
}

/** Two conditions on one way out: `plan = instance` and `plan = access-key` read `plan = instance or access-key`. */
function joinLabels(a: string | null, b: string): string {
  if (!a) return b;
  const [field, value] = b.split(" = ");
  return value !== undefined && a.startsWith(`${field} = `) ? `${a} or ${value}` : `${a} or ${b}`;
}

/** Every way out of a state; two ways to the same state are one edge with both labels. */
function edgesOf(s: AslState): GraphEdge[] {
  const all: GraphEdge[] = [
    ...(s.Next ? [{ to: s.Next, kind: "next" as const, label: null }] : []),
    ...(s.Choices ?? []).flatMap((c) =>
      c.Next ? [{ to: c.Next, kind: "choice" as const, label: describeRule(c) }] : [],
    ),
    ...(s.Default ? [{ to: s.Default, kind: "default" as const, label: "otherwise" }] : []),
    ...(s.Catch ?? []).map((c) => ({ to: c.Next, kind: "catch" as const, label: describeErrors(c.ErrorEquals) })),
  ];
  const byTarget = new Map<string, GraphEdge>();
  for (const e of all) {
    const seen = byTarget.get(e.to);
    if (!seen) byTarget.set(e.to, { ...e });
    else if (seen.kind !== "next" && e.label && seen.label !== e.label) seen.label = joinLabels(seen.label, e.label);
  }
  return [...byTarget.values()];
}

function scopeOf(asl: AslScope): GraphScope {
  return {
    startAt: asl.StartAt,
    states: Object.entries(asl.States).map(([name, s]) => {
      const inner = s.Branches ?? (s.ItemProcessor ? [s.ItemProcessor] : s.Iterator ? [s.Iterator] : []);
      return {
        name,
        type: s.Type,
        end: s.End === true || s.Type === "Succeed" || s.Type === "Fail",
        edges: edgesOf(s),
        branches: inner.map(scopeOf),
      };
    }),
  };
}

/** The definition's graph (its ARNs play no part, so the repo's ASL with placeholders will do). */
export function graphOfAsl(definition: unknown): GraphScope {
  return scopeOf(definition as AslScope);
}

/** Every state name in the graph, nested ones included. */
export function stateNames(scope: GraphScope): string[] {
  return scope.states.flatMap((s) => [s.name, ...s.branches.flatMap(stateNames)]);
}
