import fs from "node:fs";
import path from "node:path";
import type { DetectionTuning } from "@/lib/detections/tuning";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { QuarantinedRecord } from "./collecting-sink";
import { type FindingEventRow, findingEventOf } from "./finding-events";
import type { SourceKind } from "./normalize/types";
import { type ObjectStager, objectIdOf, type ParquetWriter, type StagedObject, stageWith } from "./stage-object";
import type { TableName } from "./tables";

export interface ObjectResult {
  sourceKey: string;
  objectId: string;
  kind: SourceKind;
  rows: Partial<Record<TableName, number>>;
  quarantined: number;
  skipped: Record<string, number>;
  outputs: string[];
  quarantineSamples: QuarantinedRecord[];
  /** The object's findings as events (what EventBridge carries for GuardDuty), for notifications and incidents. */
  findingEvents: FindingEventRow[];
}

interface Manifest {
  source_key: string;
  outputs: string[];
  quarantine: string | null;
}

/**
 * Normalizes one raw object and publishes its Parquet outputs, quarantine and manifest to the
 * lake store. Deterministic names plus the manifest make re-processing replace the object's
 * previous outputs instead of adding to them.
 */
export async function processObject(args: {
  sourceKey: string;
  bytes: Uint8Array;
  lake: ObjectStore;
  /** Where the CPU-heavy half runs; `writer` alone means in this thread. */
  stage?: ObjectStager;
  writer?: ParquetWriter;
  stagingRoot: string;
  tuning?: DetectionTuning;
}): Promise<ObjectResult> {
  const { sourceKey, lake } = args;
  const stage = args.stage ?? (args.writer ? stageWith(args.writer) : null);
  if (!stage) throw new Error("processObject needs a stager or a Parquet writer");
  const objectId = objectIdOf(sourceKey);
  const { staged, outputs } = await stageAndUpload(stage, args, path.join(args.stagingRoot, objectId));

  const quarantineKey = staged.quarantined.length ? `quarantine/${objectId}.jsonl` : null;
  if (quarantineKey) await lake.put(quarantineKey, `${staged.quarantined.map((r) => JSON.stringify(r)).join("\n")}\n`);
  await replaceManifest(lake, objectId, { source_key: sourceKey, outputs, quarantine: quarantineKey });

  return {
    sourceKey,
    objectId,
    kind: staged.kind,
    rows: staged.rows,
    quarantined: staged.quarantined.length,
    skipped: staged.skipped,
    outputs,
    quarantineSamples: staged.quarantined.slice(0, 5),
    findingEvents: staged.findings.map(findingEventOf),
  };
}

/** Stages the object in a fresh `staging` dir and uploads its files under `processed/`; the dir is removed either way. */
async function stageAndUpload(
  stage: ObjectStager,
  args: { sourceKey: string; bytes: Uint8Array; lake: ObjectStore; tuning?: DetectionTuning },
  staging: string,
): Promise<{ staged: StagedObject; outputs: string[] }> {
  fs.rmSync(staging, { recursive: true, force: true });
  const outputs: string[] = [];
  try {
    const staged = await stage(args.sourceKey, args.bytes, staging, args.tuning);
    for (const file of staged.files) {
      const key = `processed/${path.relative(staging, file).split(path.sep).join("/")}`;
      await args.lake.putFile(key, file);
      outputs.push(key);
    }
    return { staged, outputs };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Writes the object's manifest, first deleting what the previous one listed and this one does not. */
async function replaceManifest(lake: ObjectStore, objectId: string, manifest: Manifest): Promise<void> {
  const manifestKey = `manifests/${objectId}.json`;
  const previous = await lake.getOptional(manifestKey);
  if (previous) {
    const old = JSON.parse(Buffer.from(previous).toString("utf8")) as Manifest;
    const stale = [...old.outputs, ...(old.quarantine ? [old.quarantine] : [])].filter(
      (k) => !manifest.outputs.includes(k) && k !== manifest.quarantine,
    );
    if (stale.length) await lake.delete(stale);
  }
  await lake.put(manifestKey, JSON.stringify(manifest));
}
