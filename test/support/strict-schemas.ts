import type { ZodType } from "zod";

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } })?._zod?.def;

/**
 * Paths inside a request schema where an object accepts unknown keys (zod's default strips them
 * silently; a request schema should refuse them, so a typo is an error, not a no-op).
 */
export function looseObjectPaths(schema: ZodType, at = "$", seen = new Set<unknown>()): string[] {
  const def = defOf(schema);
  if (!def || seen.has(def)) return [];
  seen.add(def);
  const walk = (s: unknown, p: string) => looseObjectPaths(s as ZodType, p, seen);
  switch (def.type) {
    case "object": {
      const catchall = defOf(def.catchall);
      const own = catchall?.type === "never" ? [] : [at];
      const shape = def.shape as Record<string, unknown>;
      return [...own, ...Object.entries(shape).flatMap(([k, v]) => walk(v, `${at}.${k}`))];
    }
    case "array":
      return walk(def.element, `${at}[]`);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return walk(def.innerType, at);
    case "pipe":
      return [...walk(def.in, at), ...walk(def.out, at)];
    case "union":
      return (def.options as unknown[]).flatMap((o, i) => walk(o, `${at}|${i}`));
    case "intersection":
      return [...walk(def.left, at), ...walk(def.right, at)];
    case "lazy":
      return walk((def.getter as () => unknown)(), at);
    default:
      return [];
  }
}
