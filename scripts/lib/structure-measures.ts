/** The measures `npm run structure` prints, computed from each file's facts. */
import { findLoops } from "./import-graph";
import { COMPOSITION_ROOT, INFRA_PLAIN_DATA, layerOf } from "./layers";
import type { FileFacts } from "./source-facts";

export const FILE_LIMIT = 200;
export const FUNCTION_LIMIT = 80;

const inCompositionRoot = (f: string) => f.startsWith(`${COMPOSITION_ROOT}/`);
const isAdapterFile = (f: string) =>
  (f.startsWith("lib/adapters/") || f.startsWith("lib/db/")) && !inCompositionRoot(f);
/** Functions that open an adapter, and the file each lives in. */
const ADAPTER_FUNCTIONS = new Map([["startEmbeddedOwner", "lib/db/embedded.ts"]]);

/**
 * What a file constructs: an adapter is a class declared under lib/adapters/ or lib/db/ (or a
 * factory that opens one), and an AWS SDK client is the cloud end of one. `new X(…)`, `open(…)` and
 * `X.create(…)` outside the adapter's own file count.
 */
export function constructionsOf(files: readonly string[], facts: Map<string, FileFacts>) {
  const home = new Map<string, string>(ADAPTER_FUNCTIONS);
  for (const f of files.filter(isAdapterFile)) for (const c of facts.get(f)?.classes ?? []) home.set(c, f);
  return (f: string): string[] => {
    const x = facts.get(f);
    if (!x) return [];
    const names = [...x.news, ...x.calls.flatMap((c) => [c.split(".")[0] ?? "", c.split(".").pop() ?? ""])];
    const built = names.filter((n) => {
      const h = home.get(n);
      const sdkClient = x.sdkNames.has(n) && /Client$/.test(n) && x.news.includes(n) && !isAdapterFile(f);
      return (h !== undefined && h !== f) || sdkClient;
    });
    return [...new Set(built)];
  };
}

/** Imports that run from a lower layer up to a higher one. */
export function upwardImports(files: readonly string[], facts: Map<string, FileFacts>): string[] {
  return files.flatMap((f) => {
    const from = layerOf(f);
    return (facts.get(f)?.imports ?? []).flatMap((t) => {
      const to = layerOf(t);
      return from && to && to.rank < from.rank ? [`${f} (${from.name}) → ${t} (${to.name})`] : [];
    });
  });
}

/** lib/ files the infra code reaches (directly or through others) that are not plain data it deploys. */
export function infraReachOutsidePlainData(files: readonly string[], facts: Map<string, FileFacts>): string[] {
  const seen = new Set<string>();
  const queue = files.filter((f) => f.startsWith("infra/") || f === "sst.config.ts");
  while (queue.length) {
    const f = queue.pop() as string;
    for (const t of facts.get(f)?.imports ?? []) {
      if (!t.startsWith("lib/") || seen.has(t)) continue;
      seen.add(t);
      queue.push(t);
    }
  }
  return [...seen].filter((f) => !INFRA_PLAIN_DATA.includes(f)).sort();
}

export interface Measure {
  label: string;
  items: string[];
  /** Most allowed; null: reported only. */
  target: number | null;
}

export function measureStructure(files: readonly string[], facts: Map<string, FileFacts>): Measure[] {
  const lines = (f: string) => facts.get(f)?.lines ?? 0;
  const bigFiles = files.filter((f) => lines(f) > FILE_LIMIT).map((f) => `${f} ${lines(f)}`);
  const longFunctions = files.flatMap((f) =>
    (facts.get(f)?.functions ?? [])
      .filter((fn) => fn.lines > FUNCTION_LIMIT)
      .map((fn) => `${f}:${fn.line} ${fn.name} ${fn.lines}`),
  );
  const built = constructionsOf(files, facts);
  const places = files
    .filter((f) => built(f).length > 0 && !inCompositionRoot(f))
    .map((f) => `${f}: ${built(f).join(", ")}`);
  const graph = new Map(files.map((f) => [f, facts.get(f)?.imports ?? []] as const));
  return [
    { label: "source files (outside tests)", items: [...files], target: null },
    { label: `files over ${FILE_LIMIT} lines (all)`, items: bigFiles, target: null },
    {
      label: `files over ${FILE_LIMIT} lines in lib/ and components/`,
      items: bigFiles.filter((f) => /^(lib|components)\//.test(f)),
      target: 0,
    },
    { label: `functions over ${FUNCTION_LIMIT} lines`, items: longFunctions, target: 0 },
    // The composition root is one place, whatever number of files it is split into.
    {
      label: "places that construct adapters",
      items: [`${COMPOSITION_ROOT}/ (the composition root)`, ...places],
      target: 1,
    },
    { label: "import loops", items: findLoops(graph).map((l) => l.join(" ↔ ")), target: 0 },
    { label: "imports from a lower layer to a higher one", items: upwardImports(files, facts), target: 0 },
    { label: "files in no layer", items: files.filter((f) => !layerOf(f)), target: 0 },
    {
      label: "lib/ files infra reaches beyond the plain data it deploys",
      items: infraReachOutsidePlainData(files, facts),
      target: 0,
    },
  ];
}
