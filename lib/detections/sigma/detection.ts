/**
 * A Sigma `detection` block → one SQL condition: each search identifier is a map (every item
 * matches) or a list of maps (any map matches); `condition` combines them.
 */
import { compileConditions } from "./condition";
import { fieldMatch } from "./field-match";
import { SigmaUnsupported, type Sql } from "./types";

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const join = (op: "AND" | "OR", parts: Sql[]): Sql =>
  parts.length === 1 ? (parts[0] as Sql) : (d) => `(${parts.map((p) => p(d)).join(` ${op} `)})`;

function compileMap(name: string, map: Record<string, unknown>): Sql {
  const items = Object.entries(map);
  if (items.length === 0) throw new SigmaUnsupported(`search "${name}" is empty`);
  return join(
    "AND",
    items.map(([key, value]) => {
      if (isMap(value)) throw new SigmaUnsupported(`"${key}" in search "${name}" holds a map, not values`);
      return fieldMatch(key, value);
    }),
  );
}

function compileSearch(name: string, value: unknown): Sql {
  if (isMap(value)) return compileMap(name, value);
  if (Array.isArray(value) && value.length > 0) {
    if (value.every(isMap))
      return join(
        "OR",
        value.map((m) => compileMap(name, m)),
      );
    if (value.every((v) => !isMap(v) && !Array.isArray(v)))
      throw new SigmaUnsupported(`search "${name}" is a list of keywords; keyword search is not supported`);
  }
  throw new SigmaUnsupported(`search "${name}" must be a map or a list of maps`);
}

/** The rule's detection as one SQL boolean expression (rendered per dialect). */
export function compileDetection(detection: unknown): Sql {
  if (!isMap(detection)) throw new SigmaUnsupported("detection must be a map");
  const searches = new Map<string, Sql>();
  for (const [name, value] of Object.entries(detection)) {
    if (name === "condition") continue;
    if (name === "timeframe") throw new SigmaUnsupported("detection.timeframe is not supported");
    searches.set(name, compileSearch(name, value));
  }
  if (!("condition" in detection)) throw new SigmaUnsupported("detection has no condition");
  return compileConditions(detection.condition, searches);
}
