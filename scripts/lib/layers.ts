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

/** The composition root: the one folder that constructs adapters. */
export const COMPOSITION_ROOT = "lib/adapters/compose";

/**
 * The plain-data modules infra deploys (ASL definitions, the lake's tables and their Glue inputs):
 * the only lib/ files infra may reach, directly or through each other. Biome holds infra's direct
 * imports to the same list (biome.json).
 */
export const INFRA_PLAIN_DATA = [
  "lib/lake/glue.ts",
  "lib/lake/tables.ts",
  "lib/schemas/lake.ts",
  "lib/workflows/definitions.ts",
];

export const DOMAIN_DIRS = [
  "lib/applications",
  "lib/audit",
  "lib/auth",
  "lib/clickstream",
  "lib/demo",
  "lib/detections",
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
      // A worker thread's main module (Piscina loads it by path).
      f === "lib/adapters/local/lake-worker.ts" ||
      ["proxy.ts", "instrumentation.ts", "sst.config.ts"].includes(f),
  },
  { name: "runtime", rank: 1, matches: under("lib/runtime") },
  { name: "ui", rank: 1, matches: under("components", "packages") },
  { name: "http", rank: 2, matches: under("lib/http") },
  {
    name: "composition root",
    rank: 3,
    matches: (f) => f.startsWith(`${COMPOSITION_ROOT}/`) || f === "lib/adapters/index.ts",
  },
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
