import { createHash } from "node:crypto";
import type { DetectionTuning } from "@/lib/detections/tuning";
import { type CloudTrailBulk, prepareCloudTrailBulk } from "./cloudtrail-bulk";
import { CollectingSink, type QuarantinedRecord } from "./collecting-sink";
import { decodeBytes } from "./decode-bytes";
import { detect } from "./detections";
import type { SourceKind } from "./normalize/types";
import { isCloudTrailDigest, normalizeObject } from "./normalize-object";
import { type LakeRow, TABLE_NAMES, type TableName } from "./tables";

/** Writes one table's rows as Parquet files under `outRoot`; returns the absolute paths. */
export interface ParquetWriter {
  write(table: TableName, rows: readonly LakeRow[], outRoot: string, stem: string): Promise<string[]>;
  /**
   * Optional fast path for CloudTrail documents (`cloudtrail-bulk.ts`): writes the `cloudtrail`
   * table from the records' JSON, or returns null (writing nothing) when a record needs the
   * record-by-record path.
   */
  writeCloudTrailBulk?(bulk: CloudTrailBulk, outRoot: string, stem: string): Promise<string[] | null>;
}

/** Stable id of a source object: output file names and manifests derive from it. */
export const objectIdOf = (sourceKey: string) => createHash("sha256").update(sourceKey).digest("hex").slice(0, 20);

/** What normalizing one raw object produced, with its Parquet files written under a staging dir. */
export interface StagedObject {
  kind: SourceKind;
  rows: Partial<Record<TableName, number>>;
  quarantined: QuarantinedRecord[];
  skipped: Record<string, number>;
  /** Absolute paths of the Parquet files, under the staging dir. */
  files: string[];
  findings: LakeRow[];
}

interface StageArgs {
  sourceKey: string;
  bytes: Uint8Array;
  writer: ParquetWriter;
  stagingDir: string;
  /** Rules turned off, severities and exceptions (default: none). */
  tuning?: DetectionTuning;
}

/**
 * Turns one raw object into staged Parquet files: the CPU-heavy half of the ETL (decode, parse,
 * normalize, detect, encode). Touches nothing but `stagingDir`, so it can run in a worker thread.
 */
export async function stageObject(args: StageArgs): Promise<StagedObject> {
  let text: string | undefined;
  if (args.writer.writeCloudTrailBulk && !isCloudTrailDigest(args.sourceKey)) {
    try {
      text = decodeBytes(args.bytes);
    } catch {
      /* normalizeObject quarantines it with zlib's reason */
    }
    const staged = text === undefined ? null : await stageCloudTrailBulk(args, text);
    if (staged) return staged;
  }
  return stageNormalized(args, text);
}

/** The bulk path for a CloudTrail document; null when it does not apply and nothing was written. */
async function stageCloudTrailBulk(args: StageArgs, text: string): Promise<StagedObject | null> {
  const stem = objectIdOf(args.sourceKey);
  const bulk = prepareCloudTrailBulk(args.sourceKey, text, args.tuning);
  const files = bulk && (await args.writer.writeCloudTrailBulk?.(bulk, args.stagingDir, stem));
  if (!bulk || !files) return null;
  const findings = detect(bulk.candidates, args.tuning);
  if (findings.length) files.push(...(await args.writer.write("findings", findings, args.stagingDir, stem)));
  return {
    kind: "cloudtrail",
    rows: findings.length ? { cloudtrail: bulk.records, findings: findings.length } : { cloudtrail: bulk.records },
    quarantined: [],
    skipped: {},
    files,
    findings,
  };
}

/** The record-by-record path: normalize into a sink, detect, write each table. */
async function stageNormalized(args: StageArgs, text: string | undefined): Promise<StagedObject> {
  const stem = objectIdOf(args.sourceKey);
  const sink = new CollectingSink(args.sourceKey, args.tuning);
  const kind = normalizeObject(args.sourceKey, args.bytes, sink, text);
  sink.finish();
  const rows: Partial<Record<TableName, number>> = {};
  const files: string[] = [];
  for (const table of TABLE_NAMES) {
    const list = sink.tables.get(table);
    if (!list?.length) continue;
    rows[table] = list.length;
    files.push(...(await args.writer.write(table, list, args.stagingDir, stem)));
  }
  return {
    kind,
    rows,
    quarantined: sink.quarantined,
    skipped: Object.fromEntries(sink.skipped),
    files,
    findings: sink.tables.get("findings") ?? [],
  };
}

/** Stages one object somewhere (in this thread, or in a worker pool); see `stageObject`. */
export type ObjectStager = (
  sourceKey: string,
  bytes: Uint8Array,
  stagingDir: string,
  tuning?: DetectionTuning,
) => Promise<StagedObject>;

/** The in-thread stager over one Parquet writer. */
export const stageWith =
  (writer: ParquetWriter): ObjectStager =>
  (sourceKey, bytes, stagingDir, tuning) =>
    stageObject({ sourceKey, bytes, writer, stagingDir, tuning });
