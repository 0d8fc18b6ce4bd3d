import fs from "node:fs";
import path from "node:path";
import type { ParquetWriter } from "@/lib/lake/stage-object";
import type { LakeRow } from "@/lib/lake/tables";
import type { ObjectStore } from "@/lib/ports/object-store";

const manifestKey = (stem: string) => `manifests/${stem}.json`;

/**
 * Publishes the findings of one (rule, hour) evaluation as the lake's `findings` Parquet, replacing
 * whatever the previous evaluation of the same pair published (a manifest lists it): re-evaluating
 * an hour after late data changes that hour's findings and nothing else.
 */
export async function publishEvaluation(o: {
  lake: ObjectStore;
  writer: ParquetWriter;
  stagingRoot: string;
  stem: string;
  findings: readonly LakeRow[];
}): Promise<string[]> {
  const staging = path.join(o.stagingRoot, o.stem);
  fs.rmSync(staging, { recursive: true, force: true });
  const outputs: string[] = [];
  try {
    const files = o.findings.length ? await o.writer.write("findings", o.findings, staging, o.stem) : [];
    for (const file of files) {
      const key = `processed/${path.relative(staging, file).split(path.sep).join("/")}`;
      await o.lake.putFile(key, file);
      outputs.push(key);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  const previous = await o.lake.getOptional(manifestKey(o.stem));
  if (previous) {
    const old = JSON.parse(Buffer.from(previous).toString("utf8")) as { outputs: string[] };
    const stale = old.outputs.filter((k) => !outputs.includes(k));
    if (stale.length) await o.lake.delete(stale);
  }
  await o.lake.put(manifestKey(o.stem), JSON.stringify({ outputs }));
  return outputs;
}
