/**
 * Every Lambda handler the stack deploys, bundled as SST bundles Node functions (esbuild: ESM for
 * Node on Lambda, `module` before `main`, a `require` shim in the banner, `nodejs.install`
 * packages left external and installed beside the bundle). A handler that cannot be bundled would
 * fail `sst deploy`; here it fails the suite.
 */
import { build } from "esbuild";
import { describe, expect, test } from "vitest";
import { sstBuildOptions } from "@/test/support/sst-build";
import { BUNDLE_EXTERNAL, FUNCTIONS } from "./functions";
import { STATE_MACHINES } from "./workflows";

const sstOptions = (entry: string, install: readonly string[] = []) =>
  sstBuildOptions(entry, { install, external: BUNDLE_EXTERNAL });

const handlers = [
  ...FUNCTIONS.map((f) => ({ id: f.id, file: f.handler.slice(0, f.handler.lastIndexOf(".")), install: f.install })),
  ...[...new Set(Object.values(STATE_MACHINES))].map((file) => ({ id: file, file, install: undefined })),
];

describe.each(handlers)("bundle of $id", ({ file, install }) => {
  test("builds with SST's Node options; neither embedded engine (PGlite, DuckDB) is inside", async () => {
    const out = await build(sstOptions(`${file}.ts`, install));
    expect(out.errors).toEqual([]);
    const inputs = Object.keys(out.metafile?.inputs ?? {});
    expect(inputs.filter((i) => /@electric-sql\/pglite|@duckdb\//.test(i))).toEqual([]);
    const bytes = out.outputFiles?.reduce((a, f) => a + f.contents.byteLength, 0) ?? 0;
    console.log(`[bundle] ${file}: ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
  });
});

const lakeEtlFile = () => {
  const etl = FUNCTIONS.find((f) => f.id === "LakeEtl");
  return `${etl?.handler.slice(0, etl.handler.lastIndexOf("."))}.ts`;
};

test("the lake ETL needs DuckDB installed, not bundled: without `install` esbuild cannot take its native addon", async () => {
  await expect(build(sstOptions(lakeEtlFile()))).rejects.toThrow(/\.node|No loader/);
});

test("without the externals, the embedded database would ride along in every bundle", async () => {
  const out = await build(sstBuildOptions("lib/handlers/finding-dispatch.ts"));
  expect(Object.keys(out.metafile?.inputs ?? {}).some((i) => i.includes("@electric-sql/pglite"))).toBe(true);
});
