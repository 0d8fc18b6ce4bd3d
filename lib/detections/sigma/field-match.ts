/**
 * One detection item, `field|modifier|…: value(s)`, → a SQL predicate that is never NULL (so
 * `not` means "does not match" for events without the field too).
 */
import { mapCloudTrailField } from "./cloudtrail-fields";
import { type Comparison, cidrMatch, numberCompare, type Position, regexMatch, stringMatch } from "./patterns";
import { SigmaUnsupported, type Sql } from "./types";

const POSITIONS = new Set(["contains", "startswith", "endswith"]);
const COMPARISONS = new Set(["gt", "gte", "lt", "lte"]);
const RE_FLAGS = new Set(["i", "m", "s"]);
const KNOWN = new Set([...POSITIONS, ...COMPARISONS, ...RE_FLAGS, "all", "re", "cidr", "exists", "cased"]);

interface Modifiers {
  position: Position;
  all: boolean;
  cased: boolean;
  re: boolean;
  reFlags: string;
  cidr: boolean;
  exists: boolean;
  comparison: Comparison | null;
}

/** The modifiers after the field name, checked one by one and together. */
function readModifiers(key: string, names: string[]): Modifiers {
  const bad = names.find((m) => !KNOWN.has(m));
  if (bad !== undefined) throw new SigmaUnsupported(`modifier "${bad}" (in "${key}") is not supported`);
  const has = (m: string) => names.includes(m);
  const positions = names.filter((m) => POSITIONS.has(m));
  const comparisons = names.filter((m) => COMPARISONS.has(m));
  const flags = names.filter((m) => RE_FLAGS.has(m));
  const kinds = [positions.length > 0, has("re"), has("cidr"), has("exists"), comparisons.length > 0];
  if (positions.length > 1 || comparisons.length > 1 || kinds.filter(Boolean).length > 1)
    throw new SigmaUnsupported(`modifiers "${names.join("|")}" (in "${key}") cannot be combined`);
  if (flags.length > 0 && !has("re"))
    throw new SigmaUnsupported(`modifier "${flags[0]}" (in "${key}") only applies with "re"`);
  if (has("cased") && (has("re") || has("cidr") || has("exists") || comparisons.length > 0))
    throw new SigmaUnsupported(`modifier "cased" (in "${key}") only applies to string matching`);
  return {
    position: (positions[0] as Position | undefined) ?? "exact",
    all: has("all"),
    cased: has("cased"),
    re: has("re"),
    reFlags: [...new Set(flags)].sort().join(""),
    cidr: has("cidr"),
    exists: has("exists"),
    comparison: (comparisons[0] as Comparison | undefined) ?? null,
  };
}

type Scalar = string | number | boolean | null;

function scalarOf(key: string, v: unknown): Scalar {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  throw new SigmaUnsupported(`"${key}" has a value that is not a string, number, boolean or null`);
}

/** The predicate for one non-null value under the modifiers. */
function valueTest(key: string, mods: Modifiers, v: string | number | boolean): (expr: Sql) => Sql {
  if (mods.comparison) {
    const n = typeof v === "string" && /^-?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : v;
    if (typeof n !== "number") throw new SigmaUnsupported(`"${key}" compares with ${JSON.stringify(v)}, not a number`);
    return numberCompare(mods.comparison, n);
  }
  if (mods.re) return regexMatch(String(v), mods.reFlags);
  if (mods.cidr) return cidrMatch(String(v));
  return stringMatch(String(v), mods.position, mods.cased);
}

const or = (parts: string[]) => (parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`);
const and = (parts: string[]) => (parts.length === 1 ? (parts[0] as string) : `(${parts.join(" AND ")})`);

/** `field|exists: true|false`. */
function existsTest(key: string, exprs: readonly Sql[], value: unknown): Sql {
  if (typeof value !== "boolean") throw new SigmaUnsupported(`"${key}" needs true or false`);
  return (d) => (value ? or : and)(exprs.map((e) => `${e(d)} IS ${value ? "NOT NULL" : "NULL"}`));
}

/** A `key: value(s)` item of a selection map. */
export function fieldMatch(key: string, raw: unknown): Sql {
  const [name = "", ...modNames] = key.split("|");
  if (name === "") throw new SigmaUnsupported(`"${key}" has no field name (keyword search is not supported)`);
  const mods = readModifiers(key, modNames);
  const { exprs } = mapCloudTrailField(name);
  if (mods.exists) return existsTest(key, exprs, raw);
  const values = (Array.isArray(raw) ? raw : [raw]).map((v) => scalarOf(key, v));
  if (values.length === 0) throw new SigmaUnsupported(`"${key}" has an empty list of values`);
  const tests: Sql[] = values.map((v) => {
    if (v === null) {
      if (modNames.some((m) => m !== "all")) throw new SigmaUnsupported(`"${key}" applies modifiers to null`);
      return (d) => and(exprs.map((e) => `${e(d)} IS NULL`));
    }
    const test = valueTest(key, mods, v);
    return (d) => or(exprs.map((e) => `COALESCE(${test(e)(d)}, FALSE)`));
  });
  return (d) => (mods.all ? and : or)(tests.map((t) => t(d)));
}
