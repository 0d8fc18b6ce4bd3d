import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ObjectStore } from "@/lib/ports/object-store";
import { type CloudTrailBulk, prepareCloudTrailBulk } from "./cloudtrail-bulk";
import { detect } from "./detections";
import {
  CollectingSink,
  decodeBytes,
  isCloudTrailDigest,
  normalizeObject,
  type QuarantinedRecord,
  type SourceKind,
} from "./normalize-object";
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

export interface FindingEventRow {
  findingId: string;
  updatedAt: number;
  origin: string;
  severity: number;
  severityVendor: number | null;
  /** EventBridge shape: `{ "detail-type", source, account, region, time, detail }` with GuardDuty's camelCase detail. */
  event: Record<string, unknown>;
}

const iso = (ms: unknown) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

/** A `findings` row as the event GuardDuty (or our detection engine) would emit for it. */
export function findingEventOf(row: LakeRow): FindingEventRow {
  const detail = JSON.parse(String(row.detail ?? "{}")) as { service?: unknown; resource?: unknown };
  const origin = String(row.origin);
  return {
    findingId: String(row.finding_id),
    updatedAt: Number(row.updated_at),
    origin,
    severity: Number(row.severity),
    severityVendor: row.severity_vendor == null ? null : Number(row.severity_vendor),
    event: {
      "detail-type": origin === "guardduty" ? "GuardDuty Finding" : "Sightline Detection",
      source: origin === "guardduty" ? "aws.guardduty" : "sightline.detections",
      account: row.account_id ?? null,
      region: row.region ?? null,
      time: iso(row.updated_at),
      detail: {
        id: row.finding_id,
        type: row.finding_type,
        title: row.title,
        description: row.description ?? row.explanation ?? "",
        severity: row.severity_vendor ?? row.severity,
        accountId: row.account_id ?? null,
        region: row.region ?? null,
        createdAt: iso(row.first_seen),
        updatedAt: iso(row.updated_at),
        resource: detail.resource ?? { resourceType: row.resource_type, resourceId: row.resource_id },
        service: detail.service ?? null,
      },
    },
  };
}

interface Manifest {
  source_key: string;
  outputs: string[];
  quarantine: string | null;
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

/**
 * Turns one raw object into staged Parquet files: the CPU-heavy half of the ETL (decode, parse,
 * normalize, detect, encode). Touches nothing but `stagingDir`, so it can run in a worker thread.
 */
export async function stageObject(args: {
  sourceKey: string;
  bytes: Uint8Array;
  writer: ParquetWriter;
  stagingDir: string;
}): Promise<StagedObject> {
  const stem = objectIdOf(args.sourceKey);
  let text: string | undefined;
  if (args.writer.writeCloudTrailBulk && !isCloudTrailDigest(args.sourceKey)) {
    try {
      text = decodeBytes(args.bytes);
    } catch {
      /* normalizeObject quarantines it with zlib's reason */
    }
    const bulk = text === undefined ? null : prepareCloudTrailBulk(args.sourceKey, text);
    const files = bulk && (await args.writer.writeCloudTrailBulk(bulk, args.stagingDir, stem));
    if (bulk && files) {
      const findings = detect(bulk.candidates);
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
  }
  const sink = new CollectingSink(args.sourceKey);
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
export type ObjectStager = (sourceKey: string, bytes: Uint8Array, stagingDir: string) => Promise<StagedObject>;

/** The in-thread stager over one Parquet writer. */
export const stageWith =
  (writer: ParquetWriter): ObjectStager =>
  (sourceKey, bytes, stagingDir) =>
    stageObject({ sourceKey, bytes, writer, stagingDir });

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
}): Promise<ObjectResult> {
  const { sourceKey, bytes, lake } = args;
  const stage = args.stage ?? (args.writer ? stageWith(args.writer) : null);
  if (!stage) throw new Error("processObject needs a stager or a Parquet writer");
  const objectId = objectIdOf(sourceKey);
  const staging = path.join(args.stagingRoot, objectId);
  fs.rmSync(staging, { recursive: true, force: true });
  const outputs: string[] = [];
  let staged: StagedObject;
  try {
    staged = await stage(sourceKey, bytes, staging);
    for (const file of staged.files) {
      const key = `processed/${path.relative(staging, file).split(path.sep).join("/")}`;
      await lake.putFile(key, file);
      outputs.push(key);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }

  const quarantineKey = staged.quarantined.length ? `quarantine/${objectId}.jsonl` : null;
  if (quarantineKey) await lake.put(quarantineKey, `${staged.quarantined.map((r) => JSON.stringify(r)).join("\n")}\n`);

  const manifestKey = `manifests/${objectId}.json`;
  const previous = await lake.getOptional(manifestKey);
  if (previous) {
    const old = JSON.parse(Buffer.from(previous).toString("utf8")) as Manifest;
    const stale = [...old.outputs, ...(old.quarantine ? [old.quarantine] : [])].filter(
      (k) => !outputs.includes(k) && k !== quarantineKey,
    );
    if (stale.length) await lake.delete(stale);
  }
  const manifest: Manifest = { source_key: sourceKey, outputs, quarantine: quarantineKey };
  await lake.put(manifestKey, JSON.stringify(manifest));

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
