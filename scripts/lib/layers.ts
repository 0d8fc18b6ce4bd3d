/**
 * The layers of the code, from the entry points down. An import may go to its own layer or a
 * lower one (a higher `rank`); `npm run structure` counts the ones that run back up.
 */
export interface Layer {
  name: string;
  rank: number;
  matches: (file: string) => boolean;
}

const under =
  (...dirs: string[]) =>
  (f: string) =>
    dirs.some((d) => f === d || f.startsWith(`${d}/`));

export const COMPOSITION_ROOT = "lib/adapters/compose.ts";

export const DOMAIN_DIRS = [
  "lib/audit",
  "lib/auth",
  "lib/clickstream",
  "lib/demo",
  "lib/findings",
  "lib/incidents",
  "lib/lake",
  "lib/notify",
  "lib/reviews",
  "lib/users",
  "lib/workflows",
];

export const LAYERS: Layer[] = [
  {
    name: "entry points",
    rank: 0,
    matches: (f) =>
      under("app", "scripts", "infra", "lib/handlers")(f) ||
      ["proxy.ts", "instrumentation.ts", "sst.config.ts"].includes(f),
  },
  { name: "runtime", rank: 1, matches: under("lib/runtime") },
  { name: "ui", rank: 1, matches: under("components", "packages") },
  { name: "http", rank: 2, matches: under("lib/http") },
  { name: "composition root", rank: 3, matches: (f) => f === COMPOSITION_ROOT },
  { name: "adapters", rank: 4, matches: under("lib/adapters", "lib/db") },
  { name: "domain", rank: 5, matches: under(...DOMAIN_DIRS) },
  { name: "ports", rank: 6, matches: under("lib/ports") },
  {
    name: "shared",
    rank: 7,
    matches: (f) =>
      under("lib/schemas", "lib/tracker")(f) ||
      ["lib/errors.ts", "lib/env.ts", "lib/polyfills.ts", "lib/csv.ts", "lib/process-alive.ts"].includes(f),
  },
];

/** The layer's rank of a file, or null for a file no layer claims (reported as such). */
export function layerOf(file: string): Layer | null {
  return LAYERS.find((l) => l.matches(file)) ?? null;
}
