import os from "node:os";
import path from "node:path";
import type { BuildOptions } from "esbuild";

/** The `require` shim SST puts at the top of an ESM Node bundle. */
const BANNER = [
  "import { createRequire as topLevelCreateRequire } from 'module';",
  "const require = topLevelCreateRequire(import.meta.url);",
  "import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from 'url';",
  "const __filename = topLevelFileUrlToPath(import.meta.url);",
  "const __dirname = topLevelFileUrlToPath(new topLevelURL('.', import.meta.url));",
].join("\n");

/**
 * esbuild options as SST builds a Node function: one ESM bundle for Node on Lambda, `module`
 * before `main`, the require shim, and `nodejs.install` packages plus `nodejs.esbuild.external`
 * left out of the bundle.
 */
export function sstBuildOptions(
  entry: string,
  opts: { install?: readonly string[]; external?: readonly string[]; outdir?: string } = {},
): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    mainFields: ["module", "main"],
    banner: { js: BANNER },
    external: ["sharp", "pg-native", ...(opts.install ?? []), ...(opts.external ?? [])],
    outdir: opts.outdir ?? path.join(os.tmpdir(), "sightline-bundles"),
    outExtension: { ".js": ".mjs" },
    write: Boolean(opts.outdir),
    metafile: true,
    logLevel: "silent",
    tsconfig: "tsconfig.json",
  };
}
